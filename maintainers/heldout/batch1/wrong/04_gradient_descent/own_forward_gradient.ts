// @mistake does not use src's numericalGradient but its own helper with a forward difference (f(x + h) − f(x)) / h, so every step's gradient is off by O(h) and the result differs (e.g. lr = 0.1 from (−3, 4) ends near (−5e-5, −5e-5), not (−6.1e-10, 8.1e-10))
// @names calls_elsewhere
// Exercise 04 · Gradient descent (book 4.4.1)
import { copy, NDArray, zerosLike } from '../src/index.ts';

// my gradient: one small step per coordinate
function gradientOf(f: (x: NDArray) => number, x: NDArray): NDArray {
  const h = 1e-4;
  const grad = zerosLike(x);
  const fx = f(x);
  for (let i = 0; i < x.size; i++) {
    const keep = x.data[i];
    x.data[i] = keep + h;
    grad.data[i] = (f(x) - fx) / h;
    x.data[i] = keep;
  }
  return grad;
}

/** x after stepNum steps x ← x − lr·∇f(x) from initX. */
export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  const x = copy(initX);
  for (let i = 0; i < stepNum; i++) {
    const grad = gradientOf(f, x);
    for (let j = 0; j < x.size; j++) x.data[j] -= lr * grad.data[j];
  }
  return x;
}
