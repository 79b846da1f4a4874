// @mistake updates only the first grad.shape[0] elements (the length of the first axis) instead of every element, so it works for 1-D x but a 2-D x such as (2, 2) leaves its later elements unchanged
// @names none
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
  for (let i = 0; i < stepNum; i++) {
    const grad = numericalGradient(f, x);
    for (let j = 0; j < grad.shape[0]; j++) {
      x.data[j] = x.data[j] - lr * grad.data[j];
    }
  }
  return x;
}
