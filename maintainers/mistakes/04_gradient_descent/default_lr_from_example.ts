/**
 * @mistake default lr = 0.1, copied from the book's example call instead of its definition
 * @caughtBy defaults to lr = 0.01 and stepNum = 100
 * @diagnosis check the default values
 */
import { copy, NDArray, numericalGradient } from '../../../src/index.ts';

export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.1, // the mistake: the book default is 0.01
  stepNum = 100,
): NDArray {
  const x = copy(initX);
  for (let i = 0; i < stepNum; i++) {
    const grad = numericalGradient(f, x);
    for (let j = 0; j < x.size; j++) x.data[j] -= lr * grad.data[j];
  }
  return x;
}
