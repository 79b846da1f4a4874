// @mistake crossEntropyError turns a one-hot t into labels with argmax along axis 0 (down the columns) instead of axis 1: a 1-D one-hot t always reads label 0 (y [.1,.05,.6,…] with t at class 2 gives 2.30 instead of 0.51) and a one-hot batch with N > K reads undefined labels (NaN); label t are right
// @names none
import { argmax, formatShape, NDArray, reshape, sameShape } from '../src/index.ts';

const DELTA = 1e-7; // keeps log(y) finite when y = 0

export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y.shape, t.shape)) {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  let total = 0;
  for (let i = 0; i < y.size; i++) total += 0.5 * (y.data[i] - t.data[i]) ** 2;
  return total;
}

export function crossEntropyError(y: NDArray, t: NDArray): number {
  if (y.ndim !== 1 && y.ndim !== 2) throw new Error(`y ${formatShape(y.shape)} must be 1-D or 2-D`);
  const n = y.ndim === 2 ? y.shape[0] : 1;
  const k = y.shape[y.ndim - 1];
  let labels: Float64Array;
  if (sameShape(y.shape, t.shape)) {
    labels = argmax(reshape(t, [n, k]), 0).data;
  } else if (t.ndim === 1 && t.shape[0] === n) {
    labels = t.data;
  } else {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total -= Math.log(y.data[i * k + labels[i]] + DELTA);
  return total / n;
}
