/**
 * @mistake meanSquaredError compares sizes, not shapes, so a column t (2, 1) passes for a y (2)
 * @caughtBy mismatched shapes are refused with an error
 * @diagnosis answered instead of refused
 */
import { argmax, formatShape, NDArray, reshape, sameShape } from '../../../src/index.ts';

const DELTA = 1e-7;

export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (y.size !== t.size)
    // the mistake: as many elements is taken for the same shape
    throw new Error(`meanSquaredError: y ${formatShape(y.shape)} and t ${formatShape(t.shape)}`);
  let sum = 0;
  for (let i = 0; i < y.size; i++) sum += (y.data[i] - t.data[i]) ** 2;
  return 0.5 * sum;
}

export function crossEntropyError(y: NDArray, t: NDArray): number {
  if (y.ndim !== 1 && y.ndim !== 2) throw new Error(`crossEntropyError: y ${formatShape(y.shape)}`);
  const batch = y.ndim === 1 ? reshape(y, [1, y.size]) : y;
  const [n, k] = batch.shape;
  const labels = sameShape(t.shape, y.shape) ? argmax(reshape(t, [n, k]), 1) : t;
  if (labels.size !== n)
    throw new Error(`crossEntropyError: y ${formatShape(y.shape)} and t ${formatShape(t.shape)}`);
  let sum = 0;
  for (let row = 0; row < n; row++) {
    const label = labels.data[row];
    if (!Number.isInteger(label) || label < 0 || label >= k)
      throw new Error(`crossEntropyError: bad label ${label}`);
    sum += Math.log(batch.data[row * k + label] + DELTA);
  }
  return -sum / n;
}
