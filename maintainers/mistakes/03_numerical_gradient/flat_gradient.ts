/**
 * @mistake returns the gradient as a flat vector of x.size elements, whatever the shape of x
 * @caughtBy returns the gradient in the shape of x, for a vector, a weight matrix or more axes
 * @diagnosis does not come back in the shape of x
 */
import { NDArray } from '../../../src/index.ts';

const H = 1e-4;

export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = new Float64Array(x.size);
  for (let i = 0; i < x.size; i++) {
    const saved = x.data[i];
    x.data[i] = saved + H;
    const fPlus = f(x);
    x.data[i] = saved - H;
    const fMinus = f(x);
    x.data[i] = saved;
    grad[i] = (fPlus - fMinus) / (2 * H);
  }
  return new NDArray(grad, [x.size]); // the mistake: (size) instead of x.shape
}
