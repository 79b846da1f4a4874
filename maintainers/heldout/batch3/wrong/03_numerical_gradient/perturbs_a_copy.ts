// @mistake moves element i in a private copy of x and calls f(copy) instead of moving x itself: right when f reads its argument, but an f that reads x through a closure (the book's lambda W: net.loss(x, t)) sees no change and every gradient is 0
// @names moves_a_copy
// Exercise 03 · The numerical gradient (book 4.4)
import { copy, NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  const work = copy(x); // leave the caller's x alone
  for (let i = 0; i < work.size; i++) {
    const saved = work.data[i];
    work.data[i] = saved + H;
    const fxh1 = f(work);
    work.data[i] = saved - H;
    const fxh2 = f(work);
    grad.data[i] = (fxh1 - fxh2) / (2 * H);
    work.data[i] = saved;
  }
  return grad;
}
