// @mistake for a 1-D y, crossEntropyError always reads t as one-hot (argmax of t), so a label t of shape (1) such as [2] gives argmax 0 and the loss of class 0; 2-D batches with labels (N) are right
// @names none
import { argmax, formatShape, NDArray, reshape, sameShape } from '../src/index.ts';

const DELTA = 1e-7;

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
  if (y.ndim === 1) {
    // one sample: its teacher is the one-hot vector t
    if (t.ndim !== 1 || (t.size !== y.size && t.size !== 1)) {
      throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
    }
    const label = argmax(t);
    return -Math.log(y.data[label] + DELTA);
  }
  if (y.ndim !== 2) throw new Error(`crossEntropyError: y ${formatShape(y.shape)} is not (N, K)`);
  const [n, k] = y.shape;
  let labels: Float64Array;
  if (sameShape(t.shape, y.shape)) labels = (argmax(t, 1) as NDArray).data;
  else if (t.ndim === 1 && t.size === n) labels = t.data;
  else throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.log(y.data[i * k + labels[i]] + DELTA);
  return -total / n;
}
