// @mistake crossEntropyError returns the batch SUM of −log(y[n, tₙ] + δ), never dividing by N: right for one sample (1-D y or N = 1), N times too big for a batch of N > 1
// @names cee_divisor
import { argmax, formatShape, NDArray, reshape, sameShape } from '../src/index.ts';

const DELTA = 1e-7; // keeps log(y) finite when y = 0

/** ½ Σ (y − t)² over every element of y and t (same shape). */
export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y.shape, t.shape)) {
    throw new Error(`meanSquaredError: y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  let acc = 0;
  for (let i = y.size - 1; i >= 0; i--) {
    const e = y.data[i] - t.data[i];
    acc += e * e;
  }
  return 0.5 * acc;
}

/** −Σ log(y[n, tₙ] + δ) over the batch; t one-hot or labels. */
export function crossEntropyError(y: NDArray, t: NDArray): number {
  if (y.ndim !== 1 && y.ndim !== 2) {
    throw new Error(`crossEntropyError: expected y of 1 or 2 axes, got ${formatShape(y.shape)}`);
  }
  let yb = y;
  let tb = t;
  if (y.ndim === 1) {
    yb = reshape(y, [1, y.size]);
    if (sameShape(t.shape, y.shape)) tb = reshape(t, [1, t.size]);
  }
  const [n, k] = yb.shape;
  let labels: NDArray;
  if (sameShape(tb.shape, yb.shape)) labels = argmax(tb, 1);
  else if (t.ndim === 1 && t.size === n) labels = t;
  else throw new Error(`crossEntropyError: y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);

  let loss = 0;
  for (let i = 0; i < n; i++) loss += -Math.log(yb.data[i * k + labels.data[i]] + DELTA);
  return loss; // the batch is summed as in np.sum
}
