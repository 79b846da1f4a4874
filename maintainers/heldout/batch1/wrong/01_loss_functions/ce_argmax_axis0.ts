// @mistake a 2-D one-hot t is turned into labels with argmax along axis 0 (down the columns) instead of axis 1 (along each row), so every 2-D one-hot batch uses the wrong classes (a 1-D sample, and label t, still work)
// @names none
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
  if (y.ndim === 1) {
    let label: number;
    if (sameShape(t.shape, y.shape)) label = argmax(t);
    else if (t.ndim === 1 && t.size === 1) label = t.data[0];
    else throw new Error(`crossEntropyError: t ${formatShape(t.shape)} does not fit y ${formatShape(y.shape)}`);
    return -Math.log(y.data[label] + DELTA);
  }
  const [n, k] = y.shape;
  let labels: NDArray;
  if (sameShape(t.shape, y.shape)) {
    labels = argmax(t, 0);
  } else if (t.ndim === 1 && t.size === n) {
    labels = t;
  } else {
    throw new Error(`crossEntropyError: t ${formatShape(t.shape)} does not fit y ${formatShape(y.shape)}`);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.log(y.data[i * k + labels.data[i]] + DELTA);
  return -total / n;
}
