// @mistake the second step subtracts h from the already-raised value (x[i] = x[i] − h) instead of from the saved one, so it evaluates f(x + h) and f(x) and returns half the forward difference (about half the true gradient)
// @names second_point_at_x
// Exercise 03 · The numerical gradient (book 4.4)
import { NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  for (let idx = 0; idx < x.size; idx++) {
    const tmpVal = x.data[idx];
    x.data[idx] = x.data[idx] + H;
    const fxh1 = f(x);
    x.data[idx] = x.data[idx] - H;
    const fxh2 = f(x);
    grad.data[idx] = (fxh1 - fxh2) / (2 * H);
    x.data[idx] = tmpVal;
  }
  return grad;
}
