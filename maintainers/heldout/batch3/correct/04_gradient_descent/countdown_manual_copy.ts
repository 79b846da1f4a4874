// @correct copies initX by hand (Float64Array.from of its data, a spread of its shape), counts the steps down in a while loop and updates the data with a reverse while (i--) walk; same x ← x − lr·∇f(x) with src's numericalGradient
// @names none
import { NDArray, numericalGradient } from '../src/index.ts';

export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  const x = new NDArray(Float64Array.from(initX.data), [...initX.shape]);
  let remaining = stepNum;
  while (remaining > 0) {
    const { data: g } = numericalGradient(f, x);
    const d = x.data;
    let i = d.length;
    while (i--) d[i] -= lr * g[i];
    remaining--;
  }
  return x;
}
