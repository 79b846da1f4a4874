// @mistake returns initX itself when stepNum is 0 (a shortcut) instead of a new array copying it
// @names aliases_init_x
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
import { copy, NDArray, numericalGradient } from '../src/index.ts';

/** x after stepNum steps x ← x − lr·∇f(x) from initX. */
export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  if (stepNum === 0) return initX; // nothing to do
  const x = copy(initX);
  for (let i = 0; i < stepNum; i++) {
    const grad = numericalGradient(f, x);
    for (let j = 0; j < x.size; j++) {
      x.data[j] -= lr * grad.data[j];
    }
  }
  return x;
}
