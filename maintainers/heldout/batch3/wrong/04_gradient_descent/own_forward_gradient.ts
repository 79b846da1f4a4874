// @mistake computes the gradient with its own forward-difference loop (f(x + h·eᵢ) − f(x)) / h instead of src's numericalGradient: f is called x.size + 1 times per step, not 2·x.size, and the bias h·f''/2 shifts the result, e.g. f = x₀² + x₁² from (−3, 4), lr 0.1, 100 steps ends at (−5e-5, −5e-5) instead of (≈−6e-10, ≈8e-10)
// @names calls_elsewhere
import { copy, NDArray } from '../src/index.ts';

const H = 1e-4;

function gradient(f: (x: NDArray) => number, x: NDArray): Float64Array {
  const g = new Float64Array(x.size);
  const f0 = f(x);
  for (let i = 0; i < x.size; i++) {
    const keep = x.data[i];
    x.data[i] = keep + H;
    g[i] = (f(x) - f0) / H;
    x.data[i] = keep;
  }
  return g;
}

export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  const x = copy(initX);
  for (let s = 0; s < stepNum; s++) {
    const g = gradient(f, x);
    for (let i = 0; i < x.size; i++) x.data[i] -= lr * g[i];
  }
  return x;
}
