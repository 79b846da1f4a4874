// @mistake adds lr·∇f instead of subtracting it (x ← x + lr·∇f(x)), climbing uphill: f = x₀² + x₁² from (−3, 4) grows to about (−21.7, 29.0) instead of shrinking to (−0.398, 0.530); only a zero gradient is unaffected
// @names ascent
import { copy, NDArray, numericalGradient } from '../src/index.ts';

export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  let x = copy(initX);
  let n = stepNum;
  while (n-- > 0) {
    const grad = numericalGradient(f, x);
    for (let i = 0; i < x.size; i++) x.data[i] += lr * grad.data[i];
  }
  return x;
}
