// @mistake crossEntropyError adds δ to y in place (y.data[i] += δ, reading the book's y + delta as an update), so the caller's y is modified by every call
// @names writes_inputs
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
  if (sameShape(t.shape, y.shape)) {
    labels = argmax(reshape(t, [n, k]), 1);
  } else if (t.ndim === 1 && t.size === n) {
    labels = t;
  } else {
    throw new Error(`crossEntropyError: t ${formatShape(t.shape)} does not fit y ${formatShape(y.shape)}`);
  }
  // y + delta so that log never sees 0
  for (let i = 0; i < y2.size; i++) y2.data[i] += DELTA;
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.log(y2.data[i * k + labels.data[i]]);
  return -total / n;
}
