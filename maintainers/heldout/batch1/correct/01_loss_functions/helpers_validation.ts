// @correct splits the work into small helpers (checkShapes, labelsOf, pick) and validates labels as integers in range before indexing
// @names none
// Exercise 01 · Loss functions (book 4.2)
import { argmax, formatShape, map, NDArray, reshape, sameShape, sub, sum } from '../src/index.ts';

const DELTA = 1e-7; // keeps log(y) finite when y = 0

function checkShapes(y: NDArray, t: NDArray): void {
  if (!sameShape(y.shape, t.shape)) {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
}

/** ½ Σ (y − t)² over every element of y and t (same shape). */
export function meanSquaredError(y: NDArray, t: NDArray): number {
  checkShapes(y, t);
  return 0.5 * sum(map(sub(y, t), (d) => d ** 2));
}

// the class number of every row: argmax of one-hot rows, or the labels as given
function labelsOf(y2: NDArray, y: NDArray, t: NDArray): number[] {
  const [n, k] = y2.shape;
  let labels: number[];
  if (sameShape(t.shape, y.shape)) {
    labels = Array.from(argmax(reshape(t, [n, k]), 1).data);
  } else if (t.ndim === 1 && t.shape[0] === n) {
    labels = Array.from(t.data);
  } else {
    throw new Error(
      `t ${formatShape(t.shape)} is neither one-hot like y ${formatShape(y.shape)} nor (${n}) labels`,
    );
  }
  for (const c of labels) {
    if (!Number.isInteger(c) || c < 0 || c >= k) throw new Error(`bad label ${c} for ${k} classes`);
  }
  return labels;
}

function pick(y2: NDArray, row: number, col: number): number {
  return y2.data[row * y2.shape[1] + col];
}

/** The mean over the batch of −log(y[n, tₙ] + δ); t one-hot or labels. */
export function crossEntropyError(y: NDArray, t: NDArray): number {
  if (y.ndim < 1 || y.ndim > 2) {
    throw new Error(`y must be (K) or (N, K), got ${formatShape(y.shape)}`);
  }
  const y2 = y.ndim === 1 ? reshape(y, [1, y.size]) : y;
  const labels = labelsOf(y2, y, t);
  const batchSize = y2.shape[0];
  const losses = labels.map((c, n) => -Math.log(pick(y2, n, c) + DELTA));
  return losses.reduce((a, b) => a + b, 0) / batchSize;
}
