/**
 * @mistake moves the elements of a copy of x, which an f reading the weights through a closure never sees
 * @caughtBy works when f ignores its argument and reads W through a closure, as in lambda W: net.loss(x, t)
 * @diagnosis you move a copy of x
 */
import { NDArray, zerosLike } from '../../../src/index.ts';

const H = 1e-4;

export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  const moved = new NDArray(x.data.slice(), x.shape); // the mistake: x itself never moves
  for (let i = 0; i < x.size; i++) {
    const tmpVal = moved.data[i];
    moved.data[i] = tmpVal + H;
    const fxh1 = f(moved);
    moved.data[i] = tmpVal - H;
    const fxh2 = f(moved);
    grad.data[i] = (fxh1 - fxh2) / (2 * H);
    moved.data[i] = tmpVal;
  }
  return grad;
}
