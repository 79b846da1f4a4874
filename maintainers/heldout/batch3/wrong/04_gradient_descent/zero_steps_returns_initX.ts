// @mistake short-cuts stepNum = 0 by returning initX itself instead of a copy: the values are right, but the result is the caller's array, so writing to it changes initX; stepNum ≥ 1 is right
// @names aliases_init_x
import { copy, NDArray, numericalGradient } from '../src/index.ts';

/** x after stepNum steps x ← x − lr·∇f(x) from initX. */
export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  if (stepNum <= 0) return initX; // nothing to do
  const x = copy(initX);
  for (let i = 0; i < stepNum; i++) {
    const grad = numericalGradient(f, x);
    for (let j = 0; j < x.size; j++) x.data[j] -= lr * grad.data[j];
  }
  return x;
}
