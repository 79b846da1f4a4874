/**
 * @mistake stops early once every |grad| < 1e-8, so it takes fewer than stepNum steps
 * @caughtBy lr = 0.1 from (−3, 4) for 100 steps reaches the book value (−6.11110793e-10, 8.14814391e-10)
 * @diagnosis you stop before stepNum steps
 */
import { copy, NDArray, numericalGradient } from '../../../src/index.ts';

export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  const x = copy(initX);
  for (let i = 0; i < stepNum; i++) {
    const grad = numericalGradient(f, x);
    if (grad.data.every((g) => Math.abs(g) < 1e-8)) break; // the mistake: "converged"
    for (let j = 0; j < x.size; j++) x.data[j] -= lr * grad.data[j];
  }
  return x;
}
