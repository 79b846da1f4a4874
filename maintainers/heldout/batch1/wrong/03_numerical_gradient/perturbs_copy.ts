// @mistake perturbs a copy of x (passed to f) instead of x itself, so an f that ignores its argument and reads x through a closure (as lambda W: net.loss(x, t)) sees no change and every gradient is 0
// @names moves_a_copy
// Exercise 03 · The numerical gradient (book 4.4)
import { copy, NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  for (let i = 0; i < x.size; i++) {
    // work on a copy so that x is never touched
    const xPlus = copy(x);
    xPlus.data[i] += H;
    const xMinus = copy(x);
    xMinus.data[i] -= H;
    grad.data[i] = (f(xPlus) - f(xMinus)) / (2 * H);
  }
  return grad;
}
