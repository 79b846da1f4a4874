// Exercise 04 · Gradient descent (book 4.4.1)
//
// Step downhill from initX, stepNum times, along the numerical gradient:
//
//   x ← x − lr · ∇f(x)        lr: the learning rate, a hyperparameter set by hand
//
// initX: any shape, e.g. (2) → the final x, same shape. initX itself is left unchanged.
// The gradient comes from src's numericalGradient, as the book's gradient_method.py uses
// common/'s: its rounding is part of the result (with lr = 10, x freezes once x ± h == x).
import { copy, NDArray, numericalGradient } from '../src/index.ts';

/** x after stepNum steps x ← x − lr·∇f(x) from initX. */
export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  // TODO: start from a copy of initX, then stepNum times take numericalGradient(f, x)
  // TODO: and move every element of x by −lr times its gradient.
  throw new Error('TODO: gradientDescent (book 4.4.1)');
}
