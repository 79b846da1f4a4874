// @mistake crossEntropyError never refuses a y of 3 or more axes (or a 0-d y): it takes the last axis as K and folds the rest into N, so y (2, 2, 3) returns a number instead of throwing an Error
// @names three_axes_answered
import { argmax, formatShape, NDArray, reshape, sameShape } from '../src/index.ts';

const DELTA = 1e-7; // keeps log(y) finite when y = 0

/** ½ Σ (y − t)² over every element of y and t (same shape). */
export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y.shape, t.shape)) {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  return 0.5 * y.data.reduce((acc, v, i) => acc + (v - t.data[i]) ** 2, 0);
}

/** The mean over the batch of −log(y[n, tₙ] + δ); t one-hot or labels. */
export function crossEntropyError(y: NDArray, t: NDArray): number {
  // flatten any leading axes into the batch: works for (K), (N, K), (A, B, K)…
  const k = y.ndim === 0 ? 1 : y.shape[y.ndim - 1];
  const n = y.size / k;
  const rows = reshape(y, [n, k]);
  let labels: Float64Array;
  if (sameShape(t.shape, y.shape)) {
    labels = (argmax(reshape(t, [n, k]), 1) as NDArray).data;
  } else if (t.ndim === 1 && t.size === n) {
    labels = t.data;
  } else {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.log(rows.data[i * k + labels[i]] + DELTA);
  return -total / n;
}
