/**
 * @mistake ignores its lr argument and always steps with 0.01
 * @caughtBy lr = 1e-10 from (−3, 4) barely moves: the book value (−2.99999994, 3.99999992)
 * @diagnosis your step size does not follow lr
 */
import { copy, NDArray, numericalGradient } from '../../../src/index.ts';

export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the mistake: lr is never read
  lr = 0.01,
  stepNum = 100,
): NDArray {
  const x = copy(initX);
  for (let i = 0; i < stepNum; i++) {
    const grad = numericalGradient(f, x);
    for (let j = 0; j < x.size; j++) x.data[j] -= 0.01 * grad.data[j]; // the mistake: lr unused
  }
  return x;
}
