// @correct converts label t to one-hot and uses the book's −Σ t·log(y + δ) / N with library ops (mul, log, add, sum) instead of indexing y[n, tₙ]
// @names none
// Exercise 01 · Loss functions (book 4.2)
import { add, formatShape, log, mul, NDArray, reshape, sameShape, sub, sum, zeros } from '../src/index.ts';

const DELTA = 1e-7; // keeps log(y) finite when y = 0

/** ½ Σ (y − t)² over every element of y and t (same shape). */
export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y.shape, t.shape)) {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  const d = sub(y, t);
  return 0.5 * sum(mul(d, d));
}

// labels (N) -> one-hot (N, K)
function toOneHot(labels: NDArray, k: number): NDArray {
  const n = labels.size;
  const out = zeros([n, k]);
  for (let i = 0; i < n; i++) {
    const c = labels.data[i];
    if (!Number.isInteger(c) || c < 0 || c >= k) {
      throw new Error(`label ${c} is not a class in [0, ${k})`);
    }
    out.data[i * k + c] = 1;
  }
  return out;
}

/** The mean over the batch of −log(y[n, tₙ] + δ); t one-hot or labels. */
export function crossEntropyError(y: NDArray, t: NDArray): number {
  if (y.ndim !== 1 && y.ndim !== 2) {
    throw new Error(`y must have 1 or 2 axes, got ${formatShape(y.shape)}`);
  }
  const y2 = y.ndim === 1 ? reshape(y, [1, y.size]) : y;
  const [n, k] = y2.shape;
  let t2: NDArray;
  if (sameShape(t.shape, y.shape)) {
    t2 = reshape(t, [n, k]); // one-hot
  } else if (t.ndim === 1 && t.size === n) {
    t2 = toOneHot(t, k);
  } else {
    throw new Error(`t ${formatShape(t.shape)} is neither one-hot like y ${formatShape(y.shape)} nor ${n} labels`);
  }
  // book: -np.sum(t * np.log(y + 1e-7)) / batch_size
  return -sum(mul(t2, log(add(y2, DELTA)))) / n;
}
