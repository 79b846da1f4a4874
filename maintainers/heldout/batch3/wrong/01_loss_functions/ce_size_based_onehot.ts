// @mistake crossEntropyError treats t as one-hot whenever t.size === y.size (the book's test), so a t with y's size but another shape, e.g. y (2, 3) with t (3, 2) or t (6), is read as one-hot instead of refused with an Error
// @names other_shape_answered
import { argmax, formatShape, NDArray, reshape, sameShape } from '../src/index.ts';

const DELTA = 1e-7;

export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y.shape, t.shape)) {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  let s = 0;
  for (let i = 0; i < y.size; i++) {
    const d = y.data[i] - t.data[i];
    s += d * d;
  }
  return 0.5 * s;
}

export function crossEntropyError(y: NDArray, t: NDArray): number {
  if (y.ndim !== 1 && y.ndim !== 2) {
    throw new Error(`crossEntropyError: y ${formatShape(y.shape)} has ${y.ndim} axes`);
  }
  // as in the book: if y.ndim == 1, reshape both; if t.size == y.size, t = t.argmax(axis=1)
  const batch = y.ndim === 1 ? reshape(y, [1, y.size]) : y;
  const [n, k] = batch.shape;
  let labels: Float64Array;
  if (t.size === y.size) {
    labels = (argmax(reshape(t, [n, k]), 1) as NDArray).data;
  } else if (t.ndim === 1 && t.size === n) {
    labels = t.data;
  } else {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.log(batch.data[i * k + labels[i]] + DELTA);
  return -total / n;
}
