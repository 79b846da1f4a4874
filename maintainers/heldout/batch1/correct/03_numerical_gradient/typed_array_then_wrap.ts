// @correct builds the partial derivatives in a plain Float64Array (evaluating the minus side first) and wraps it in a new NDArray with x's shape at the end
// @names none
import { NDArray } from '../src/index.ts';

const h = 1e-4;

export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const values = x.data; // the same memory as x: f sees every change
  const out = new Float64Array(values.length);
  values.forEach((tmp, idx) => {
    values[idx] = tmp - h;
    const fxh2 = f(x);
    values[idx] = tmp + h;
    const fxh1 = f(x);
    out[idx] = (fxh1 - fxh2) / (2 * h);
    values[idx] = tmp; // restore
  });
  return new NDArray(out, [...x.shape]);
}
