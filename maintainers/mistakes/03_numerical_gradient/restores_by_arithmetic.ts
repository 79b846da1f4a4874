/**
 * @mistake moves x by +h, −2h and +h again instead of restoring the saved value, leaving rounding drift
 * @caughtBy leaves x bit-identical, and every call of f sees exactly one coordinate moved by +h or by −h
 * @diagnosis x changed in its last bits
 */
import { NDArray, zerosLike } from '../../../src/index.ts';

const H = 1e-4;

export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  for (let i = 0; i < x.size; i++) {
    x.data[i] += H;
    const fxh1 = f(x);
    x.data[i] -= 2 * H;
    const fxh2 = f(x);
    grad.data[i] = (fxh1 - fxh2) / (2 * H);
    x.data[i] += H; // the mistake: (x + h − 2h) + h is not always x in floating point
  }
  return grad;
}
