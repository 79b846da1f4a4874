// @mistake leaves each element at saved − h until the whole loop ends and only then restores x from a copy: every later call of f sees the earlier elements still moved by −h (more than one element moved), so functions with cross terms get wrong partials, e.g. f = x₀·x₁ at (3, 4) gives (4, 2.9999) instead of (4, 3); separable f such as Σx² stay right
// @names left_moved
import { NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4;

export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const original = x.data.slice();
  const grad = zerosLike(x);
  for (let i = 0; i < x.size; i++) {
    x.data[i] = original[i] + H;
    const fPlus = f(x);
    x.data[i] = original[i] - H;
    const fMinus = f(x);
    grad.data[i] = (fPlus - fMinus) / (2 * H);
  }
  x.data.set(original); // put everything back at once
  return grad;
}
