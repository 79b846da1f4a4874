// @mistake recomputes the gradient after updating each coordinate (coordinate by coordinate, Gauss–Seidel style) instead of taking one gradient per step and moving all coordinates together; the same for separable f like x0² + x1², different when coordinates interact
// @names none
// Exercise 04 · Gradient descent (book 4.4.1)
import { copy, NDArray, numericalGradient } from '../src/index.ts';

/** x after stepNum steps x ← x − lr·∇f(x) from initX. */
export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  const x = copy(initX);
  for (let i = 0; i < stepNum; i++) {
    for (let j = 0; j < x.size; j++) {
      const grad = numericalGradient(f, x);
      x.data[j] -= lr * grad.data[j];
    }
  }
  return x;
}
