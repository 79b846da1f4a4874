// @mistake computes the descent correctly on a copy but has no return statement, so gradientDescent returns undefined
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
    for (let j = 0; j < x.size; j++) {
      x.data[j] -= lr * grad.data[j];
    }
  }
}
