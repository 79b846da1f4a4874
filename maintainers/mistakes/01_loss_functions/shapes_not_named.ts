/**
 * @mistake mismatched shapes are refused, but the message says only that they differ, not which they are
 * @caughtBy a mismatched shape is refused with a message naming both shapes
 * @diagnosis does not say which shapes
 */
import { argmax, NDArray, reshape, sameShape } from '../../../src/index.ts';

const DELTA = 1e-7;

export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y.shape, t.shape)) throw new Error('meanSquaredError: shapes differ'); // the mistake
  let sum = 0;
  for (let i = 0; i < y.size; i++) sum += (y.data[i] - t.data[i]) ** 2;
  return 0.5 * sum;
}

export function crossEntropyError(y: NDArray, t: NDArray): number {
  if (y.ndim !== 1 && y.ndim !== 2) throw new Error('crossEntropyError: y must be 1-D or 2-D');
  const batch = y.ndim === 1 ? reshape(y, [1, y.size]) : y;
  const [n, k] = batch.shape;
  const labels = sameShape(t.shape, y.shape) ? argmax(reshape(t, [n, k]), 1) : t;
  if (labels.size !== n) throw new Error('crossEntropyError: shapes do not match'); // the mistake
  let sum = 0;
  for (let row = 0; row < n; row++) {
    const label = labels.data[row];
    if (!Number.isInteger(label) || label < 0 || label >= k)
      throw new Error(`crossEntropyError: bad label ${label}`);
    sum += Math.log(batch.data[row * k + label] + DELTA);
  }
  return -sum / n;
}
