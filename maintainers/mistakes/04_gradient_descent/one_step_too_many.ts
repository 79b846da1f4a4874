/**
 * @mistake loops i <= stepNum and so takes one step more than asked
 * @caughtBy makes exactly stepNum updates, each calling f 2·size times through the numerical gradient
 * @diagnosis the number of steps is not stepNum
 */
import { copy, NDArray, numericalGradient } from '../../../src/index.ts';

export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  const x = copy(initX);
  for (let i = 0; i <= stepNum; i++) {
    // the mistake: i <= stepNum takes stepNum + 1 steps
    const grad = numericalGradient(f, x);
    for (let j = 0; j < x.size; j++) x.data[j] -= lr * grad.data[j];
  }
  return x;
}
