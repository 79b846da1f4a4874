// @mistake for a 1-D y, crossEntropyError always uses the book's first one-hot formula −Σ t·log(y + δ), so a 1-D y with a label t of shape (1) gives −t₀·log(y₀ + δ) instead of −log(y[t₀] + δ)
// @names none
// Exercise 01 · Loss functions (book 4.2)
import { argmax, formatShape, NDArray, reshape, sameShape } from '../src/index.ts';

const DELTA = 1e-7; // keeps log(y) finite when y = 0

/** ½ Σ (y − t)² over every element of y and t (same shape). */
export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y.shape, t.shape)) {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  let s = 0;
  for (let i = 0; i < y.size; i++) s += (y.data[i] - t.data[i]) ** 2;
  return 0.5 * s;
}

/** The mean over the batch of −log(y[n, tₙ] + δ); t one-hot or labels. */
export function crossEntropyError(y: NDArray, t: NDArray): number {
  if (y.ndim === 1) {
    // one sample: the book's first version, -np.sum(t * np.log(y + delta))
    if (t.ndim !== 1 || (t.size !== y.size && t.size !== 1)) {
      throw new Error(`crossEntropyError: t ${formatShape(t.shape)} does not fit y ${formatShape(y.shape)}`);
    }
    let s = 0;
    for (let i = 0; i < t.size; i++) s += t.data[i] * Math.log(y.data[i] + DELTA);
    return -s;
  }
  if (y.ndim !== 2) {
    throw new Error(`crossEntropyError: y must be (K) or (N, K), got ${formatShape(y.shape)}`);
  }
  const [n, k] = y.shape;
  let labels: NDArray;
  if (sameShape(t.shape, y.shape)) {
    labels = argmax(t, 1);
  } else if (t.ndim === 1 && t.size === n) {
    labels = t;
  } else {
    throw new Error(`crossEntropyError: t ${formatShape(t.shape)} does not fit y ${formatShape(y.shape)}`);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.log(y.data[i * k + labels.data[i]] + DELTA);
  return -total / n;
}
