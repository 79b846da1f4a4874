// @mistake returns the gradient as a flat 1-D array of x.size elements instead of an array of x's shape: right for a 1-D x, but a (2, 3) x gets a (6) gradient and a 0-d x gets (1)
// @names flat_result
import { NDArray } from '../src/index.ts';

const H = 1e-4;

export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const g: number[] = [];
  for (let i = 0; i < x.data.length; i++) {
    const v = x.data[i];
    x.data[i] = v + H;
    const fPlus = f(x);
    x.data[i] = v - H;
    const fMinus = f(x);
    x.data[i] = v;
    g.push((fPlus - fMinus) / (2 * H));
  }
  return new NDArray(Float64Array.from(g), [g.length]);
}
