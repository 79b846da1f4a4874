// @mistake uses a forward difference (f(x + h·eᵢ) − f(x)) / h per coordinate instead of the central difference, so every partial has an O(h) error (e.g. 6.0001 instead of 6.00000000000378 at (3, 4))
// @names one_sided_difference
// Exercise 03 · The numerical gradient (book 4.4)
import { NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  const fx = f(x);
  for (let i = 0; i < x.size; i++) {
    const tmpVal = x.data[i];
    x.data[i] = tmpVal + H;
    const fxh = f(x);
    grad.data[i] = (fxh - fx) / H;
    x.data[i] = tmpVal;
  }
  return grad;
}
