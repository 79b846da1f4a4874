/**
 * @mistake divides the update by the number of elements, as if averaging over a batch
 * @caughtBy on f(x) = a·Σx² every step scales x by 1 − 2a·lr, so n steps give (1 − 2a·lr)ⁿ·x0
 * @diagnosis your steps are smaller than lr·grad by a constant factor
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
    for (let j = 0; j < x.size; j++) x.data[j] -= (lr * grad.data[j]) / x.size; // the mistake
  }
  return x;
}
