// @mistake meanSquaredError never checks the shapes: y and t of different shapes give a number (or NaN) instead of an Error naming both shapes
// @names none
// Exercise 01 · Loss functions (book 4.2)
import { argmax, formatShape, NDArray, reshape, sameShape } from '../src/index.ts';

const DELTA = 1e-7; // keeps log(y) finite when y = 0

/** ½ Σ (y − t)² over every element of y and t (same shape). */
export function meanSquaredError(y: NDArray, t: NDArray): number {
  let total = 0;
  for (let i = 0; i < y.data.length; i++) {
    const d = y.data[i] - t.data[i];
    total += d * d;
  }
  return 0.5 * total;
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
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += Math.log(y2.data[i * k + labels.data[i]] + DELTA);
  }
  return -total / n;
}
