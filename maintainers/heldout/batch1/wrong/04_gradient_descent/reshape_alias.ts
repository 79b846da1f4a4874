// @mistake "copies" initX with reshape(initX, initX.shape), which shares initX's data, so the in-place updates still modify the caller's initX
// @names aliases_init_x
// Exercise 04 · Gradient descent (book 4.4.1)
import { NDArray, numericalGradient, reshape } from '../src/index.ts';

/** x after stepNum steps x ← x − lr·∇f(x) from initX. */
export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  const x = reshape(initX, initX.shape); // a new array, same shape
  for (let i = 0; i < stepNum; i++) {
    const grad = numericalGradient(f, x);
    for (let j = 0; j < x.size; j++) {
      x.data[j] -= lr * grad.data[j];
    }
  }
  return x;
}
