// @mistake never puts each element back after the two evaluations, so x is left at original − h in every coordinate and later coordinates are differentiated at the already-shifted point
// @names left_moved
// Exercise 03 · The numerical gradient (book 4.4)
import { NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  for (let idx = 0; idx < x.size; idx++) {
    const tmpVal = x.data[idx];
    x.data[idx] = tmpVal + H;
    const fxh1 = f(x);
    x.data[idx] = tmpVal - H;
    const fxh2 = f(x);
    grad.data[idx] = (fxh1 - fxh2) / (2 * H);
  }
  return grad;
}
