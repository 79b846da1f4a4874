// @mistake defaults lr to 0.1 (the value of the book's example call) instead of 0.01: calls that pass lr explicitly are right, but gradientDescent(f, x) without lr steps ten times as far, e.g. f = x₀² + x₁² from (−3, 4) ends near (−6e-10, 8e-10) instead of (−0.398, 0.530)
// @names wrong_default
import { copy, NDArray, numericalGradient } from '../src/index.ts';

export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.1,
  stepNum = 100,
): NDArray {
  const x = copy(initX);
  for (let step = 0; step < stepNum; step++) {
    const g = numericalGradient(f, x);
    for (let i = 0; i < x.size; i++) x.data[i] -= lr * g.data[i];
  }
  return x;
}
