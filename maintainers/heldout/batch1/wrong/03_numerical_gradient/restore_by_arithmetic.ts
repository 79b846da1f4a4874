// @mistake moves each element with += h, −= 2h, += h instead of saving and reassigning the original, so floating-point rounding leaves x slightly different from its original values on return (e.g. 0.1 or 1/3 come back changed in the last bits)
// @names restored_by_arithmetic
// Exercise 03 · The numerical gradient (book 4.4)
import { NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  for (let i = 0; i < x.size; i++) {
    x.data[i] += H;
    const fxh1 = f(x);
    x.data[i] -= 2 * H;
    const fxh2 = f(x);
    x.data[i] += H; // back to where it was
    grad.data[i] = (fxh1 - fxh2) / (2 * H);
  }
  return grad;
}
