// @correct never updates in place: each step builds a new x = x − lr·∇f(x) with the library's sub and mul, starting from a copy of initX
// @names none
// Exercise 04 · Gradient descent (book 4.4.1)
import { copy, mul, NDArray, numericalGradient, sub } from '../src/index.ts';

/** x after stepNum steps x ← x − lr·∇f(x) from initX. */
export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  let x = copy(initX);
  for (let step = 0; step < stepNum; step++) {
    const grad = numericalGradient(f, x);
    x = sub(x, mul(lr, grad));
  }
  return x;
}
