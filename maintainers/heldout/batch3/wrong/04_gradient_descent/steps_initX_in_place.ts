// @mistake starts from initX itself (x = initX, no copy) and updates it in place: the returned values are right but the caller's initX ends up holding the result (and the result is the same object as initX)
// @names aliases_init_x
// Exercise 04 · Gradient descent (book 4.4.1)
import { NDArray, numericalGradient } from '../src/index.ts';

/** x after stepNum steps x ← x − lr·∇f(x) from initX. */
export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  const x = initX; // as in the book: x = init_x
  for (let i = 0; i < stepNum; i++) {
    const grad = numericalGradient(f, x);
    for (let j = 0; j < x.size; j++) x.data[j] -= lr * grad.data[j];
  }
  return x;
}
