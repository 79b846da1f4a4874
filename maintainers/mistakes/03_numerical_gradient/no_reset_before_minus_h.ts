/**
 * @mistake subtracts h from the already moved value, so the second point is x itself, not x − h
 * @caughtBy agrees with the symbolic gradient from mathjs of generated functions of up to four variables
 * @diagnosis some calls of f see x with no coordinate moved
 */
import { NDArray, zerosLike } from '../../../src/index.ts';

const H = 1e-4;

export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  for (let i = 0; i < x.size; i++) {
    const tmpVal = x.data[i];
    x.data[i] += H;
    const fxh1 = f(x);
    x.data[i] -= H; // the mistake: back at tmpVal, where x − h was meant
    const fxh2 = f(x);
    grad.data[i] = (fxh1 - fxh2) / (2 * H);
    x.data[i] = tmpVal;
  }
  return grad;
}
