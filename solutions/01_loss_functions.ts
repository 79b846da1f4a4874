// Exercise 01 · Loss functions (book 4.2)
//
// A loss measures how bad the network's output y is against the teacher's answer t.
//
//   meanSquaredError(y, t)  = ½ Σ (y − t)²                  over every element; no batch mean
//   crossEntropyError(y, t) = −(1/N) Σₙ log(y[n, tₙ] + δ)    δ = 1e-7 keeps log(0) finite
//
// y: (K) one sample, or (N, K) a batch of N probability rows over K classes.
// t: one-hot with the same shape as y, or class labels: (N), or (1) for one sample.
// Neither function may modify y or t.
import { NDArray } from '../src/index.ts';

const DELTA = 1e-7; // keeps log(y) finite when y = 0

/** ½ Σ (y − t)² over every element of y and t (same shape). */
export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y, t))
    throw new Error(`meanSquaredError: y ${shapeOf(y)} and t ${shapeOf(t)} differ`);
  let sum = 0;
  for (let i = 0; i < y.size; i++) {
    const d = y.data[i] - t.data[i];
    sum += d * d;
  }
  return 0.5 * sum;
}

/** The mean over the batch of −log(y[n, tₙ] + δ); t one-hot or labels. */
export function crossEntropyError(y: NDArray, t: NDArray): number {
  const [n, k] = y.ndim === 1 ? [1, y.size] : y.shape;
  const labels = t.size === y.size && t.size !== n ? oneHotToLabels(t, y, n, k) : t;
  if (y.ndim > 2 || labels.size !== n) {
    throw new Error(`crossEntropyError: y ${shapeOf(y)} and t ${shapeOf(t)} do not match`);
  }
  let sum = 0;
  for (let row = 0; row < n; row++) {
    const label = labels.data[row];
    if (!Number.isInteger(label) || label < 0 || label >= k) {
      throw new Error(`crossEntropyError: label ${label} is not a class of 0..${k - 1}`);
    }
    sum += Math.log(y.data[row * k + label] + DELTA);
  }
  return -sum / n;
}

/** The index of the 1 in each one-hot row: the book's t.argmax(axis=1). */
function oneHotToLabels(t: NDArray, y: NDArray, n: number, k: number): NDArray {
  if (!sameShape(t, y))
    throw new Error(`crossEntropyError: y ${shapeOf(y)} and t ${shapeOf(t)} differ`);
  const labels = new Float64Array(n);
  for (let row = 0; row < n; row++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (t.data[row * k + j] > t.data[row * k + best]) best = j;
    labels[row] = best;
  }
  return new NDArray(labels, [n]);
}

function sameShape(a: NDArray, b: NDArray): boolean {
  return a.ndim === b.ndim && a.shape.every((n, i) => n === b.shape[i]);
}

function shapeOf(a: NDArray): string {
  return `(${a.shape.join(', ')})`;
}
