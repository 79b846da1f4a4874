// @mistake keeps one module-level result array and returns it again whenever x has the same shape: a single call is right, but a second call overwrites (and returns the same object as) the gradient handed out by the first
// @names none
import { NDArray, sameShape, zerosLike } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

let buffer: NDArray | null = null; // reused across calls: training calls this thousands of times

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  if (buffer === null || !sameShape(buffer.shape, x.shape)) buffer = zerosLike(x);
  const grad = buffer;
  for (let i = 0; i < x.size; i++) {
    const saved = x.data[i];
    x.data[i] = saved + H;
    const fp = f(x);
    x.data[i] = saved - H;
    const fm = f(x);
    grad.data[i] = (fp - fm) / (2 * H);
    x.data[i] = saved;
  }
  return grad;
}
