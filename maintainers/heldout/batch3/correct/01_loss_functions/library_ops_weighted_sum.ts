// @correct builds MSE from src's sub/mul/sum array ops, and for a one-hot t sums t·log(y + δ) over t's nonzero entries (the book's np.sum(t * log(y + δ)) form) instead of converting t to labels with argmax
// @names none
// Exercise 01 · Loss functions (book 4.2)
import { formatShape, mul, NDArray, sameShape, sub, sum } from '../src/index.ts';

const DELTA = 1e-7; // keeps log(y) finite when y = 0

function differ(y: NDArray, t: NDArray): Error {
  return new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
}

/** ½ Σ (y − t)² over every element of y and t (same shape). */
export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y.shape, t.shape)) throw differ(y, t);
  const e = sub(y, t);
  return 0.5 * sum(mul(e, e));
}

/** The mean over the batch of −log(y[n, tₙ] + δ); t one-hot or labels. */
export function crossEntropyError(y: NDArray, t: NDArray): number {
  if (y.ndim !== 1 && y.ndim !== 2) {
    throw new Error(`crossEntropyError: y must have 1 or 2 axes, got ${formatShape(y.shape)}`);
  }
  const batch = y.ndim === 2 ? y.shape[0] : 1;
  const classes = y.shape[y.ndim - 1];

  if (sameShape(t.shape, y.shape)) {
    // one-hot: only the entry equal to 1 in each row contributes
    let acc = 0;
    for (let j = 0; j < t.size; j++) {
      const w = t.data[j];
      if (w !== 0) acc += w * Math.log(y.data[j] + DELTA);
    }
    return -acc / batch;
  }
  if (t.ndim !== 1 || t.shape[0] !== batch) throw differ(y, t);

  let acc = 0;
  for (let r = 0; r < batch; r++) {
    const c = t.data[r];
    if (!Number.isInteger(c) || c < 0 || c >= classes) {
      throw new Error(`crossEntropyError: label ${c} of row ${r} is not in 0 … ${classes - 1}`);
    }
    acc += Math.log(y.data[r * classes + c] + DELTA);
  }
  return -acc / batch;
}
