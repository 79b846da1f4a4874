// @mistake loops with step <= stepNum, so it takes stepNum + 1 steps: stepNum = 0 moves x once instead of returning a copy, and every other result is one step further, e.g. f = x² from 1 with lr 0.1, stepNum 1 gives 0.64 instead of 0.8
// @names step_count
import { copy, NDArray, numericalGradient } from '../src/index.ts';

/** x after stepNum steps x ← x − lr·∇f(x) from initX. */
export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  const x = copy(initX);
  for (let step = 0; step <= stepNum; step++) {
    const grad = numericalGradient(f, x);
    x.data.forEach((v, i) => {
      x.data[i] = v - lr * grad.data[i];
    });
  }
  return x;
}
