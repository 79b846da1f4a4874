/**
 * @mistake never writes the saved value back, so each later coordinate is differentiated at a shifted x
 * @caughtBy x0·x1² at (3, 4) has gradient [16, 24], which needs x put back after each coordinate
 * @diagnosis x is not put back after each coordinate
 */
import { NDArray, zerosLike } from '../../../src/index.ts';

const H = 1e-4;

export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  for (let i = 0; i < x.size; i++) {
    const tmpVal = x.data[i];
    x.data[i] = tmpVal + H;
    const fxh1 = f(x);
    x.data[i] = tmpVal - H;
    const fxh2 = f(x);
    grad.data[i] = (fxh1 - fxh2) / (2 * H); // the mistake: x[i] stays at tmpVal − h
  }
  return grad;
}
