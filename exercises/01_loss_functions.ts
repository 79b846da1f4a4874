// Exercise 01 · Loss functions (book 4.2)
//
// A loss measures how bad the network's output y is against the teacher's answer t.
//
//   meanSquaredError(y, t)  = ½ Σ (y − t)²                  over every element; no batch mean
//   crossEntropyError(y, t) = −(1/N) Σₙ log(y[n, tₙ] + δ)    δ = 1e-7 keeps log(0) finite
//
// y: (K) one sample, or (N, K) a batch of N probability rows over K classes.
// t: one-hot with the same shape as y, or class labels: (N), or (1) for one sample.
// meanSquaredError takes any y and t of one shape. Other shapes are refused with an Error
// that names both, as in "y (2, 2) and t (2, 3) differ".
// Neither function may modify y or t.
import { argmax, formatShape, NDArray, reshape, sameShape } from '../src/index.ts';

const DELTA = 1e-7; // keeps log(y) finite when y = 0

/** ½ Σ (y − t)² over every element of y and t (same shape). */
export function meanSquaredError(y: NDArray, t: NDArray): number {
  // TODO: refuse y and t of different shapes (sameShape; formatShape names them),
  // TODO: then sum the squared differences.
  throw new Error('TODO: meanSquaredError (book 4.2.1)');
}

/** The mean over the batch of −log(y[n, tₙ] + δ); t one-hot or labels. */
export function crossEntropyError(y: NDArray, t: NDArray): number {
  // TODO: refuse a y of other than 1 or 2 axes, treat a 1-D y as a batch of one (reshape),
  // TODO: turn one-hot t into labels (argmax along axis 1), refuse a t that fits neither,
  // TODO: then average −log(y[n, tₙ] + DELTA) over the N rows.
  throw new Error('TODO: crossEntropyError (book 4.2.2–4.2.4)');
}
