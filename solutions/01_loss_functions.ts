// Exercise 01 · Loss functions (book 4.2)
//
// A loss measures how far the network's output y is from the teacher's answer t: the smaller,
// the better the network.
//
//   meanSquaredError(y, t)  = ½ Σ (y − t)²                    over every element, no mean
//   crossEntropyError(y, t) = −(1/N) Σₙ log(y[n, tₙ] + δ)      the mean over the N rows
//
// - δ = 1e-7 keeps log(0) finite: a y of 0 at the true class gives −log(1e-7) ≈ 16.1.
// - meanSquaredError takes y and t of one same shape, (K), (N, K) or more axes, and returns
//   a number.
// - crossEntropyError takes y of shape (K), one sample, or (N, K), a batch of N rows of
//   probabilities over K classes, and returns a number. A y of any other number of axes is
//   refused with an Error.
// - Its t is one-hot with the shape of y, or class labels, integers in 0 … K−1: (N) for a
//   batch, (1) for one sample.
// - Any other t is refused with an Error whose message names both shapes, as in
//   "y (2, 2) and t (2, 3) differ". A t with as many elements as y but another shape is
//   refused too: it is not y's shape, so not one-hot.
// - Neither function changes y or t.
// - Write crossEntropyError yourself: src/ has one for the later exercises, but a file that
//   imports, re-exports or wraps it earns no points for it.
import { argmax, formatShape, NDArray, reshape, sameShape } from '../src/index.ts';

const DELTA = 1e-7; // keeps log(y) finite when y = 0

/** ½ Σ (y − t)² over every element of y and t (same shape). */
export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y.shape, t.shape)) {
    throw new Error(
      `meanSquaredError: y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`,
    );
  }
  let sum = 0;
  for (let i = 0; i < y.size; i++) {
    const d = y.data[i] - t.data[i];
    sum += d * d;
  }
  return 0.5 * sum;
}

/** The mean over the batch of −log(y[n, tₙ] + δ); t one-hot or labels. */
export function crossEntropyError(y: NDArray, t: NDArray): number {
  if (y.ndim !== 1 && y.ndim !== 2) {
    throw new Error(`crossEntropyError: y ${formatShape(y.shape)} is neither (K) nor (N, K)`);
  }
  const batch = y.ndim === 1 ? reshape(y, [1, y.size]) : y; // the book's y.reshape(1, y.size)
  const [n, k] = batch.shape;
  // one-hot t has the shape of y (the book tells them apart by size, which a (K, N) t fools)
  const labels = sameShape(t.shape, y.shape) ? argmax(reshape(t, [n, k]), 1) : t;
  if (labels.ndim !== 1 || labels.size !== n) {
    throw new Error(
      `crossEntropyError: y ${formatShape(y.shape)} and t ${formatShape(t.shape)} do not match`,
    );
  }
  let sum = 0;
  for (let row = 0; row < n; row++) {
    const label = labels.data[row];
    sum += Math.log(batch.data[row * k + label] + DELTA);
  }
  return -sum / n;
}
