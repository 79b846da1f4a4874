/**
 * @mistake clips each step to length 1 "to keep it from diverging", so a too-large lr never shows
 * @caughtBy x shrinks toward the minimum when 0 < lr < 1/a and grows away from it when lr > 1/a
 * @diagnosis Do not clip, normalise or cap the step
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
    const norm = Math.hypot(...grad.data.map((g) => lr * g));
    const scale = norm > 1 ? 1 / norm : 1; // the mistake: the step never exceeds 1
    for (let j = 0; j < x.size; j++) x.data[j] -= scale * lr * grad.data[j];
  }
  return x;
}
