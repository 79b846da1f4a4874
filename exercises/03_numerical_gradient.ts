// Exercise 03 · The numerical gradient (book 4.4)
//
// The gradient collects every partial derivative of f, each by a central difference:
//
//   ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h        h = 1e-4, one coordinate at a time
//
// x: any shape, e.g. (2) a point or (2, 3) a weight matrix → a gradient of x's shape.
// Each coordinate is moved IN PLACE and put back before the next one: f may ignore its
// argument and read x through a closure, as the book's `lambda W: net.loss(x, t)` does.
// On return x holds exactly its original values.
import { NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  // TODO: for each element i of x.data: save it, set it to +H and call f, set it to −H and
  // TODO: call f, store the central difference in a zerosLike(x) gradient, then put it back.
  throw new Error('TODO: numericalGradient (book 4.4)');
}
