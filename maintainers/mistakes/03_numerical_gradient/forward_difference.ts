/**
 * @mistake the forward difference (f(x + h·eᵢ) − f(x)) / h, one call of f per element plus one
 * @caughtBy gives the book gradients (6, 8), (0, 4) and (6, 0) of x0² + x1² at (3, 4), (0, 2) and (3, 0)
 * @diagnosis some calls of f see x with no coordinate moved
 */
import { NDArray, zerosLike } from '../../../src/index.ts';

const H = 1e-4;

export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  const fx = f(x);
  for (let i = 0; i < x.size; i++) {
    const tmpVal = x.data[i];
    x.data[i] = tmpVal + H;
    grad.data[i] = (f(x) - fx) / H;
    x.data[i] = tmpVal;
  }
  return grad;
}
