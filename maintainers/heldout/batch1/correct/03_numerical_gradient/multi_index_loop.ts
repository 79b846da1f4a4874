// @correct walks x with an explicit multi-index odometer (like np.nditer in the book's later common/gradient.py) and converts it to a flat offset, instead of looping over x.data directly
// @names none
// Exercise 03 · The numerical gradient (book 4.4)
import { NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4;

function flatOffset(index: number[], shape: readonly number[]): number {
  let off = 0;
  for (let a = 0; a < shape.length; a++) off = off * shape[a] + index[a];
  return off;
}

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  if (x.size === 0) return grad;
  const index = new Array<number>(x.ndim).fill(0);
  for (;;) {
    const i = flatOffset(index, x.shape);
    const tmpVal = x.data[i];
    x.data[i] = tmpVal + H;
    const fxh1 = f(x);
    x.data[i] = tmpVal - H;
    const fxh2 = f(x);
    grad.data[i] = (fxh1 - fxh2) / (2 * H);
    x.data[i] = tmpVal;
    // advance the multi-index, last axis fastest
    let axis = x.ndim - 1;
    while (axis >= 0) {
      index[axis]++;
      if (index[axis] < x.shape[axis]) break;
      index[axis] = 0;
      axis--;
    }
    if (axis < 0) break;
  }
  return grad;
}
