/**
 * @mistake gradient ascent: x += lr·grad climbs the hill instead of descending it
 * @caughtBy f never increases from one step to the next for a small lr on a convex quadratic
 * @diagnosis gradient ascent
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
    for (let j = 0; j < x.size; j++) x.data[j] += lr * grad.data[j]; // the mistake: + instead of −
  }
  return x;
}
