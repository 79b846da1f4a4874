// @correct puts each move in a small probe closure and restores x[i] in a finally block, iterating with for…of over x.data.keys(), instead of the book's plain index loop
// @names none
// Exercise 03 · The numerical gradient (book 4.4)
//
// The gradient collects every partial derivative of f, each by a central difference:
//
//   ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h        h = 1e-4, one element i at a time
//
// - x has any shape: a 0-d array, a point (2), a weight matrix (2, 3) or more axes. The
//   result is a new array of x's shape, element i holding ∂f/∂xᵢ for the flat index i.
// - Element i is moved in x itself: x.data[i] = saved + h, call f; x.data[i] = saved − h,
//   call f; then x.data[i] = saved. So f may ignore its argument and read x through a
//   closure, as the book's `lambda W: net.loss(x, t)` does.
// - f is called 2·x.size times, each time with exactly one element moved.
// - On return x holds exactly its original values, bit for bit.
import { NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  for (const i of x.data.keys()) {
    const saved = x.data[i];
    // f with element i set to v, everything else as it was
    const probe = (v: number): number => {
      x.data[i] = v;
      return f(x);
    };
    try {
      const up = probe(saved + H);
      const down = probe(saved - H);
      grad.data[i] = (up - down) / (2 * H);
    } finally {
      x.data[i] = saved; // even if f throws, x gets its value back
    }
  }
  return grad;
}
