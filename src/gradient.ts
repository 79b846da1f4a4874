// The book's common/gradient.py: the numerical gradient by central differences.
import { NDArray, zerosLike } from './ndarray.ts';

const H = 1e-4; // central-difference step: O(h²) truncation against O(ε/h) rounding

/**
 * ∂f/∂x for every element of x (any shape), by (f(x + h) − f(x − h)) / 2h.
 * Each element of x.data is perturbed IN PLACE, so a closure such as `() => net.loss(x, t)`
 * that ignores its argument still sees the change; it is restored exactly afterwards, even
 * if f throws. Returns a new array of x's shape.
 */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  for (let i = 0; i < x.size; i++) {
    const saved = x.data[i];
    try {
      x.data[i] = saved + H;
      const fPlus = f(x);
      x.data[i] = saved - H;
      const fMinus = f(x);
      grad.data[i] = (fPlus - fMinus) / (2 * H);
    } finally {
      x.data[i] = saved;
    }
  }
  return grad;
}
