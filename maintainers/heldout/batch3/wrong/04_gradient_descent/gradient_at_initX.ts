// @mistake passes initX (not the moving x) to numericalGradient on every step, so every step uses the gradient at the start: right for a linear f, but f = x₀² + x₁² from (−3, 4) with lr 0.1 and 100 steps overshoots to (57, −76) instead of about (0, 0)
// @names stale_gradient
import { copy, NDArray, numericalGradient } from '../src/index.ts';

/** x after stepNum steps x ← x − lr·∇f(x) from initX. */
export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  const x = copy(initX);
  for (let i = 0; i < stepNum; i++) {
    const grad = numericalGradient(f, initX);
    for (let k = 0; k < x.size; k++) x.data[k] -= lr * grad.data[k];
  }
  return x;
}
