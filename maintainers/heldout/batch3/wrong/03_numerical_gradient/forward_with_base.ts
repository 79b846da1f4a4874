// @mistake calls f once at the unmoved x and then takes forward differences (f(x + h·eᵢ) − f(x)) / h: f is called x.size + 1 times instead of 2·x.size, never at x − h·eᵢ, and each value errs by h·∂²f/2, e.g. f = Σx² at (3, 4) gives (6.0001, 8.0001) instead of (6, 8)
// @names one_sided_difference
import { NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4; // step

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  const base = f(x); // the same for every element, so compute it once
  for (let i = 0; i < x.size; i++) {
    const saved = x.data[i];
    x.data[i] = saved + H;
    grad.data[i] = (f(x) - base) / H;
    x.data[i] = saved;
  }
  return grad;
}
