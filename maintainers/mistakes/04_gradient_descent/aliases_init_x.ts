/**
 * @mistake the book's x = init_x taken literally: x is initX itself, so every update writes into it
 * @caughtBy leaves initX unchanged
 * @diagnosis initX changed
 */
import { NDArray, numericalGradient } from '../../../src/index.ts';

export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  const x = initX; // the mistake: an alias, not a copy
  for (let i = 0; i < stepNum; i++) {
    const grad = numericalGradient(f, x);
    for (let j = 0; j < x.size; j++) x.data[j] -= lr * grad.data[j];
  }
  return x;
}
