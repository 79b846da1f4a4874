// @correct counts the steps down in a while loop and applies the update through grad.data.forEach on a Float64Array copy wrapped in a new NDArray
// @names none
// Gradient descent (book 4.4.1): x ← x − lr·∇f(x), stepNum times, from a copy of initX.
import { NDArray, numericalGradient } from '../src/index.ts';

export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr: number = 0.01,
  stepNum: number = 100,
): NDArray {
  const x = new NDArray(Float64Array.from(initX.data), initX.shape);
  let remaining = stepNum;
  while (remaining > 0) {
    const grad = numericalGradient(f, x);
    grad.data.forEach((g, j) => {
      x.data[j] -= lr * g;
    });
    remaining -= 1;
  }
  return x;
}
