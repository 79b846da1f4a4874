/**
 * @mistake a y of three axes is read as (N, K) from its first two, instead of refused
 * @caughtBy mismatched shapes are refused with an error
 * @diagnosis answered instead of refused
 */
import { argmax, formatShape, NDArray, reshape, sameShape } from '../../../src/index.ts';

const DELTA = 1e-7;

export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y.shape, t.shape))
    throw new Error(`meanSquaredError: y ${formatShape(y.shape)} and t ${formatShape(t.shape)}`);
  let sum = 0;
  for (let i = 0; i < y.size; i++) sum += (y.data[i] - t.data[i]) ** 2;
  return 0.5 * sum;
}

export function crossEntropyError(y: NDArray, t: NDArray): number {
  // the mistake: no check that y has one or two axes
  const [n, k] = y.ndim === 1 ? [1, y.size] : y.shape;
  const labels = sameShape(t.shape, y.shape) ? argmax(reshape(t, [n, y.size / n]), 1) : t;
  if (labels.size !== n)
    throw new Error(`crossEntropyError: y ${formatShape(y.shape)} and t ${formatShape(t.shape)}`);
  let sum = 0;
  for (let row = 0; row < n; row++) {
    const label = labels.data[row];
    if (!Number.isInteger(label) || label < 0 || label >= k)
      throw new Error(`crossEntropyError: bad label ${label}`);
    sum += Math.log(y.data[row * k + label] + DELTA);
  }
  return -sum / n;
}
