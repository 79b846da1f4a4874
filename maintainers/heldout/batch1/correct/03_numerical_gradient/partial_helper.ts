// @correct delegates each coordinate to a partialAt(f, x, i) helper that perturbs, evaluates and restores one element, and uses try/finally so x is restored even if f throws
// @names none
// Exercise 03 · The numerical gradient (book 4.4)
import { NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

// ∂f/∂x_i at x, moving x.data[i] in place and putting it back
function partialAt(f: (x: NDArray) => number, x: NDArray, i: number): number {
  const original = x.data[i];
  try {
    x.data[i] = original + H;
    const up = f(x);
    x.data[i] = original - H;
    const down = f(x);
    return (up - down) / (2 * H);
  } finally {
    x.data[i] = original;
  }
}

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  for (let i = 0; i < x.size; i++) grad.data[i] = partialAt(f, x, i);
  return grad;
}
