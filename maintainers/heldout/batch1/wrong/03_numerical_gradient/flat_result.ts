// @mistake returns the gradient as a flat 1-D array of x.size elements instead of in x's shape, so a (2, 3) x gets a (6) gradient (right for 1-D x)
// @names flat_result
// Exercise 03 · The numerical gradient (book 4.4)
import { array, NDArray } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad: number[] = [];
  for (let i = 0; i < x.size; i++) {
    const tmp = x.data[i];
    x.data[i] = tmp + H;
    const fxh1 = f(x);
    x.data[i] = tmp - H;
    const fxh2 = f(x);
    grad.push((fxh1 - fxh2) / (2 * H));
    x.data[i] = tmp;
  }
  return array(grad);
}
