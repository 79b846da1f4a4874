// @correct walks the flat indices from last to first, builds the result in a plain Float64Array wrapped as NDArray(data, x.shape) at the end, and restores each element in a finally block so x is whole even if f throws
// @names none
// Exercise 03 · The numerical gradient (book 4.4)
import { NDArray } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const out = new Float64Array(x.size);
  const d = x.data;
  for (let i = d.length - 1; i >= 0; i--) {
    const saved = d[i];
    let plus: number;
    let minus: number;
    try {
      d[i] = saved + H;
      plus = f(x);
      d[i] = saved - H;
      minus = f(x);
    } finally {
      d[i] = saved;
    }
    out[i] = (plus - minus) / (2 * H);
  }
  return new NDArray(out, x.shape);
}
