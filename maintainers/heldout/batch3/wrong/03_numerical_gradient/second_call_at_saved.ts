// @mistake after the + h call it writes x.data[i] -= H, which lands back on the saved value, not saved − h: the second call of f is at x itself and the result (f(x + h) − f(x)) / 2h is about half the gradient, e.g. f = Σx² at (3, 4) gives (3.00005, 4.00005) instead of (6, 8)
// @names second_point_at_x
import { NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  for (let i = 0; i < x.size; i++) {
    const saved = x.data[i];
    x.data[i] += H;
    const fxh1 = f(x); // f(x + h)
    x.data[i] -= H;
    const fxh2 = f(x); // f(x - h)
    grad.data[i] = (fxh1 - fxh2) / (2 * H);
    x.data[i] = saved;
  }
  return grad;
}
