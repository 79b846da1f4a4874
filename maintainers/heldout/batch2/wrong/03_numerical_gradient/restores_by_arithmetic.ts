// @mistake moves x[i] with += h, -= 2h, += h instead of assigning saved + h, saved − h and saved, so the probed values and the restored x are off by rounding and x is not restored bit for bit
// @names restored_by_arithmetic
// Exercise 03 · The numerical gradient (book 4.4)
//
// The gradient collects every partial derivative of f, each by a central difference:
//
//   ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h        h = 1e-4, one element i at a time
//
// - x has any shape: a 0-d array, a point (2), a weight matrix (2, 3) or more axes. The
//   result is a new array of x's shape, element i holding ∂f/∂xᵢ for the flat index i.
// - Element i is moved in x itself: x.data[i] = saved + h, call f; x.data[i] = saved − h,
//   call f; then x.data[i] = saved. So f may ignore its argument and read x through a
//   closure, as the book's `lambda W: net.loss(x, t)` does.
// - f is called 2·x.size times, each time with exactly one element moved.
// - On return x holds exactly its original values, bit for bit.
import { NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  for (let i = 0; i < x.size; i++) {
    x.data[i] += H; // x + h
    const fxh1 = f(x);
    x.data[i] -= 2 * H; // x - h
    const fxh2 = f(x);
    grad.data[i] = (fxh1 - fxh2) / (2 * H);
    x.data[i] += H; // back to x
  }
  return grad;
}
