/**
 * @mistake the batch cross-entropy is summed over the rows instead of averaged
 * @caughtBy a batch cross-entropy is the mean of its rows, not the sum or the mean over all elements
 * @diagnosis your batch cross-entropy is not the mean over the rows
 */
import { NDArray } from '../../../src/index.ts';

const DELTA = 1e-7;

export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (y.size !== t.size) throw new Error('meanSquaredError: y and t differ in shape');
  let sum = 0;
  for (let i = 0; i < y.size; i++) sum += (y.data[i] - t.data[i]) ** 2;
  return 0.5 * sum;
}

export function crossEntropyError(y: NDArray, t: NDArray): number {
  const [n, k] = y.ndim === 1 ? [1, y.size] : y.shape;
  let sum = 0;
  for (let row = 0; row < n; row++) {
    const label =
      t.size === y.size ? t.data.subarray(row * k, row * k + k).indexOf(1) : t.data[row];
    sum += Math.log(y.data[row * k + label] + DELTA);
  }
  return -sum; // the mistake: no division by the batch size n
}
