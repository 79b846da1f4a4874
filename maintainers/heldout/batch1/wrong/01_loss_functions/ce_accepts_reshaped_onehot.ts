// @mistake crossEntropyError accepts any t with as many elements as y as one-hot (reshaping it to y's shape), so a flattened (6) or transposed (3, 2) t for y (2, 3) is used instead of refused
// @names other_shape_answered
// Exercise 01 · Loss functions (book 4.2)
import { argmax, formatShape, NDArray, reshape, sameShape } from '../src/index.ts';

const DELTA = 1e-7; // keeps log(y) finite when y = 0

/** ½ Σ (y − t)² over every element of y and t (same shape). */
export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y.shape, t.shape)) {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  let s = 0;
  for (let i = 0; i < y.size; i++) s += (y.data[i] - t.data[i]) ** 2;
  return 0.5 * s;
}

/** The mean over the batch of −log(y[n, tₙ] + δ); t one-hot or labels. */
export function crossEntropyError(y: NDArray, t: NDArray): number {
  if (y.ndim !== 1 && y.ndim !== 2) {
    throw new Error(`crossEntropyError: y must be (K) or (N, K), got ${formatShape(y.shape)}`);
  }
  const y2 = y.ndim === 1 ? reshape(y, [1, y.size]) : y;
  const [n, k] = y2.shape;
  let labels: NDArray;
  if (t.size === y.size) {
    // one-hot: same number of entries as y
    labels = argmax(reshape(t, [n, k]), 1);
  } else if (t.ndim === 1 && t.size === n) {
    labels = t;
  } else {
    throw new Error(`crossEntropyError: t ${formatShape(t.shape)} does not fit y ${formatShape(y.shape)}`);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.log(y2.data[i * k + labels.data[i]] + DELTA);
  return -total / n;
}
