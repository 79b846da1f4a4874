// @mistake updates each element right after taking its own partial (its own central-difference loop), so later partials of the same step see the earlier elements already moved, instead of taking the whole gradient first with src's numericalGradient
// @names calls_elsewhere
// Exercise 04 · Gradient descent (book 4.4.1)
//
// Step downhill from initX, stepNum times, along the numerical gradient:
//
//   x ← x − lr · ∇f(x)        lr: the learning rate, a hyperparameter set by hand
//
// - lr defaults to 0.01 and stepNum to 100.
// - Each step takes ∇f at the current x with src's numericalGradient, as the book's
//   gradient_method.py uses common/'s: its rounding is part of the result (with lr = 10, x
//   freezes once x ± h == x). A step calls f 2·x.size times, through it.
// - initX has any shape, e.g. (2); the result is a new array of its shape (stepNum = 0 gives
//   a copy of initX).
// - initX itself is left unchanged.
import { copy, NDArray } from '../src/index.ts';

const H = 1e-4;

/** x after stepNum steps x ← x − lr·∇f(x) from initX. */
export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  const x = copy(initX);
  for (let i = 0; i < stepNum; i++) {
    // one pass over the elements: partial derivative, then move that element downhill
    for (let j = 0; j < x.size; j++) {
      const saved = x.data[j];
      x.data[j] = saved + H;
      const fxh1 = f(x);
      x.data[j] = saved - H;
      const fxh2 = f(x);
      const g = (fxh1 - fxh2) / (2 * H);
      x.data[j] = saved - lr * g;
    }
  }
  return x;
}
