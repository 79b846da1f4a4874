// @mistake meanSquaredError sums only over shape[0] positions of the flat data (one per row), so a 1-D y is right but a (N, K) or more-axes y misses most elements, e.g. y [[1,1],[1,1]] vs t zeros gives 1 instead of 2
// @names mse_partial_sum
import { argmax, formatShape, NDArray, reshape, sameShape } from '../src/index.ts';

const DELTA = 1e-7; // keeps log(y) finite when y = 0

/** ½ Σ (y − t)² over every element of y and t (same shape). */
export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y.shape, t.shape)) {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  const len = y.ndim === 0 ? 1 : y.shape[0];
  let s = 0;
  for (let i = 0; i < len; i++) s += (y.data[i] - t.data[i]) ** 2;
  return 0.5 * s;
}

/** The mean over the batch of −log(y[n, tₙ] + δ); t one-hot or labels. */
export function crossEntropyError(y: NDArray, t: NDArray): number {
  if (y.ndim < 1 || y.ndim > 2) throw new Error(`y ${formatShape(y.shape)}: need 1 or 2 axes`);
  const batch = y.ndim === 1 ? reshape(y, [1, y.shape[0]]) : y;
  const n = batch.shape[0];
  const k = batch.shape[1];
  let label: (r: number) => number;
  if (sameShape(y.shape, t.shape)) {
    const idx = argmax(reshape(t, [n, k]), 1);
    label = (r) => idx.data[r];
  } else if (t.ndim === 1 && t.shape[0] === n) {
    label = (r) => t.data[r];
  } else {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  let acc = 0;
  for (let r = 0; r < n; r++) acc -= Math.log(batch.data[r * k + label(r)] + DELTA);
  return acc / n;
}
