// @mistake loops over x.shape[0] (as the book's 1-D "for idx in range(x.size)" read as a length) instead of x.size, so for a 2-D x only the first shape[0] elements get a gradient and the rest stay 0 (right for 1-D x)
// @names skips_elements
// Exercise 03 · The numerical gradient (book 4.4)
import { NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  const n = x.shape[0];
  for (let idx = 0; idx < n; idx++) {
    const tmpVal = x.data[idx];
    x.data[idx] = tmpVal + H;
    const fxh1 = f(x);
    x.data[idx] = tmpVal - H;
    const fxh2 = f(x);
    grad.data[idx] = (fxh1 - fxh2) / (2 * H);
    x.data[idx] = tmpVal;
  }
  return grad;
}
