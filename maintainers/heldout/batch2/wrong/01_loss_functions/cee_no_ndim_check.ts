// @mistake crossEntropyError never refuses a y of three or more axes: it reads any y as rows of its last axis, so e.g. y (2, 1, 3) with a one-hot t of the same shape returns a number instead of throwing
// @names three_axes_answered
// Exercise 01 · Loss functions (book 4.2)
//
// A loss measures how far the network's output y is from the teacher's answer t: the smaller,
// the better the network.
//
//   meanSquaredError(y, t)  = ½ Σ (y − t)²                    over every element, no mean
//   crossEntropyError(y, t) = −(1/N) Σₙ log(y[n, tₙ] + δ)      the mean over the N rows
//
// - δ = 1e-7 keeps log(0) finite: a y of 0 at the true class gives −log(1e-7) ≈ 16.1.
// - meanSquaredError takes y and t of any one shape, (K), (N, K) or more axes, and returns
//   a number.
// - crossEntropyError takes y of shape (K), one sample, or (N, K), a batch of N rows of
//   probabilities over K classes, and returns a number.
// - Its t is one-hot with the shape of y, or class labels, integers in 0 … K−1: (N) for a
//   batch, (1) for one sample.
// - Any other shape is refused with an Error whose message names both shapes, as in
//   "y (2, 2) and t (2, 3) differ": a t with as many elements as y but another shape is
//   not one-hot, and a y of three axes is neither (K) nor (N, K).
// - Neither function changes y or t.
import { argmax, formatShape, NDArray, reshape, sameShape } from '../src/index.ts';

const DELTA = 1e-7; // keeps log(y) finite when y = 0

/** ½ Σ (y − t)² over every element of y and t (same shape). */
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

/** The mean over the batch of −log(y[n, tₙ] + δ); t one-hot or labels. */
export function crossEntropyError(y: NDArray, t: NDArray): number {
  // the classes run along the last axis; everything before it is the batch
  const k = y.shape[y.ndim - 1];
  const n = y.size / k;
  const rows = reshape(y, [n, k]);
  let labels: ArrayLike<number>;
  if (sameShape(y.shape, t.shape)) {
    labels = argmax(reshape(t, [n, k]), 1).data;
  } else if (t.ndim === 1 && t.size === n) {
    labels = t.data;
  } else {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.log(rows.data[i * k + labels[i]] + DELTA);
  return -total / n;
}
