// @mistake makes the gradient buffer with reshape(x, x.shape), which shares x's data, so writing each partial overwrites x itself: f sees the earlier partials instead of x's values, and x is left holding the gradient
// @names shares_memory
// Exercise 03 · The numerical gradient (book 4.4)
import { NDArray, reshape } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = reshape(x, x.shape); // an array of x's shape for the result
  for (let idx = 0; idx < x.size; idx++) {
    const tmpVal = x.data[idx];
    x.data[idx] = tmpVal + H;
    const fxh1 = f(x);
    x.data[idx] = tmpVal - H;
    const fxh2 = f(x);
    x.data[idx] = tmpVal; // put it back
    grad.data[idx] = (fxh1 - fxh2) / (2 * H);
  }
  return grad;
}
