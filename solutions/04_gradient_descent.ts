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
  const x = copy(initX); // the book's x = init_x would update initX in place
  for (let i = 0; i < stepNum; i++) {
    const grad = numericalGradient(f, x);
    for (const [j, g] of grad.data.entries()) x.data[j] -= lr * g;
  }
  return x;
}
