/**
 * @mistake loops i <= x.size: the extra pass moves nothing and calls f twice more at x itself
 * @caughtBy calls f at most 2·size times
 * @diagnosis more than twice per element
 */
import { NDArray, zerosLike } from '../../../src/index.ts';

const H = 1e-4;

export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  for (let i = 0; i <= x.size; i++) {
    const tmpVal = x.data[i];
    x.data[i] = tmpVal + H;
    const fxh1 = f(x);
    x.data[i] = tmpVal - H;
    const fxh2 = f(x);
    grad.data[i] = (fxh1 - fxh2) / (2 * H);
    x.data[i] = tmpVal;
  }
  return grad;
}
