// @mistake the default learning rate is 0.1 (the value of the book's worked example) instead of the header's default lr = 0.01, so calls that omit lr step ten times too far
// @names wrong_default
// Exercise 04 · Gradient descent (book 4.4.1)
import { copy, NDArray, numericalGradient } from '../src/index.ts';

/** x after stepNum steps x ← x − lr·∇f(x) from initX. */
export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.1,
  stepNum = 100,
): NDArray {
  const x = copy(initX);
  for (let i = 0; i < stepNum; i++) {
    const grad = numericalGradient(f, x);
    for (let j = 0; j < x.size; j++) x.data[j] -= lr * grad.data[j];
  }
  return x;
}
