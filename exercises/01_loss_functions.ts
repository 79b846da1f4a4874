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
  // TODO: refuse y and t of different shapes (sameShape; formatShape writes a shape),
  // TODO: then return half the sum of (y.data[i] − t.data[i])² over every element i.
  throw new Error('TODO: meanSquaredError (book 4.2.1)');
}

/** The mean over the batch of −log(y[n, tₙ] + δ); t one-hot or labels. */
export function crossEntropyError(y: NDArray, t: NDArray): number {
  // TODO: refuse a y of other than 1 or 2 axes; treat a 1-D y as a batch of one (reshape).
  // TODO: a t of y's shape is one-hot: its labels are argmax along axis 1 (reshape it too);
  // TODO: else t must be 1-D with one label per row; refuse any other t.
  // TODO: then return the mean over the N rows of −log(y[n, label n] + DELTA).
  throw new Error('TODO: crossEntropyError (book 4.2.2–4.2.4)');
}
