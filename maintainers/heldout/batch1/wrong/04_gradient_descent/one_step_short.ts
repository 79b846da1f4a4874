// @mistake the loop runs from 1 while i < stepNum, so it takes stepNum − 1 steps instead of stepNum (99 instead of 100 by default; stepNum = 1 does nothing)
// @names step_count
// Exercise 04 · Gradient descent (book 4.4.1)
import { copy, NDArray, numericalGradient } from '../src/index.ts';

/** x after stepNum steps x ← x − lr·∇f(x) from initX. */
export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  const x = copy(initX);
  for (let step = 1; step < stepNum; step++) {
    const grad = numericalGradient(f, x);
    for (let j = 0; j < x.size; j++) x.data[j] -= lr * grad.data[j];
  }
  return x;
}
