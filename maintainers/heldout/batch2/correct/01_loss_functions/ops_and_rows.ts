// @correct builds both losses from src's array ops (sub, mul, sum) and nested row arrays from toArray(), with the label rule in a separate helper, instead of index loops over .data
// @names none
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
import { formatShape, mul, NDArray, sameShape, sub, sum } from '../src/index.ts';

const DELTA = 1e-7; // keeps log(y) finite when y = 0

const refuse = (y: NDArray, t: NDArray, why = 'differ'): Error =>
  new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} ${why}`);

/** ½ Σ (y − t)² over every element of y and t (same shape). */
export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y.shape, t.shape)) throw refuse(y, t);
  const diff = sub(y, t);
  return 0.5 * sum(mul(diff, diff));
}

// the index of the first largest entry of a row, as numpy's argmax
const firstMax = (row: number[]): number =>
  row.reduce((best, v, j) => (v > row[best] ? j : best), 0);

// one label per row of y, or an Error for a t that is neither one-hot nor labels
function labelsFor(y: NDArray, t: NDArray, rows: number): number[] {
  if (sameShape(y.shape, t.shape)) {
    const oneHotRows = (y.ndim === 1 ? [t.toArray()] : t.toArray()) as number[][];
    return oneHotRows.map(firstMax);
  }
  if (t.ndim === 1 && t.shape[0] === rows) return Array.from(t.data);
  throw refuse(y, t);
}

/** The mean over the batch of −log(y[n, tₙ] + δ); t one-hot or labels. */
export function crossEntropyError(y: NDArray, t: NDArray): number {
  if (y.ndim === 0 || y.ndim > 2) throw refuse(y, t, 'differ: y is neither (K) nor (N, K)');
  const rows = (y.ndim === 1 ? [y.toArray()] : y.toArray()) as number[][];
  const labels = labelsFor(y, t, rows.length);
  const logSum = rows.reduce((acc, row, n) => acc + Math.log(row[labels[n]] + DELTA), 0);
  return -logSum / rows.length;
}
