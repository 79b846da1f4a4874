// @correct rebinds x to a fresh array each step with src's array ops, x = sub(x, mul(lr, grad)), instead of updating one copy element by element; the first x is copy(initX) so a zero-step call still returns a new array
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
  for (let step = 1; step <= stepNum; step++) {
    const grad = numericalGradient(f, x);
    x = sub(x, mul(lr, grad));
  }
  return x;
}
