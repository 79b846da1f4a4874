// The book's common/functions.py: activations, softmax and the cross-entropy loss.
import { fast, output } from './backend.ts';
import { NDArray, formatShape } from './ndarray.ts';
import { map } from './ops.ts';

const DELTA = 1e-7; // keeps log(y) finite when y = 0, as the book's cross_entropy_error

/** 1 / (1 + e^(−x)), elementwise: x any shape → the same shape. */
export function sigmoid(x: NDArray): NDArray {
  const exp = fast.exp ?? Math.exp; // kernels/ may install a faster eˣ (src/backend.ts)
  const X = x.data;
  const out = output(X.length);
  for (let i = 0; i < X.length; i++) out[i] = 1 / (1 + exp(-X[i]));
  return new NDArray(out, x.shape);
}

/**
 * The derivative of sigmoid at the pre-activation x, sigmoid(x)·(1 − sigmoid(x)), as the
 * book's sigmoid_grad: x any shape → the same shape.
 */
export function sigmoidGrad(x: NDArray): NDArray {
  const exp = fast.exp ?? Math.exp;
  const X = x.data;
  const out = output(X.length);
  for (let i = 0; i < X.length; i++) {
    const s = 1 / (1 + exp(-X[i]));
    out[i] = (1 - s) * s;
  }
  return new NDArray(out, x.shape);
}

/** max(0, x), elementwise. */
export function relu(x: NDArray): NDArray {
  return map(x, (v) => (v > 0 ? v : 0));
}

/**
 * exp(x) normalized to sum to 1: a 1-D x (K) as one vector, a 2-D x (N, K) row by row
 * (in general, along the last axis). Each row's maximum is subtracted first, which changes
 * nothing mathematically but keeps exp() from overflowing on logits like [1010, 1000, 990].
 */
export function softmax(x: NDArray): NDArray {
  if (x.ndim === 0) throw new Error('softmax: expects a 1-D or 2-D array, got shape ()');
  const exp = fast.exp ?? Math.exp;
  const k = x.shape[x.ndim - 1];
  const X = x.data;
  const out = output(X.length);
  for (let start = 0; start < X.length; start += k) {
    const end = start + k;
    let m = -Infinity;
    for (let j = start; j < end; j++) m = Math.max(m, X[j]);
    let total = 0;
    for (let j = start; j < end; j++) total += out[j] = exp(X[j] - m);
    for (let j = start; j < end; j++) out[j] /= total;
  }
  return new NDArray(out, x.shape);
}

/**
 * The mean over the batch of −log(y[n, tₙ] + 1e-7), as the book's batch version.
 * y: (K) one sample or (N, K) a batch of probabilities.
 * t: one-hot with y's shape, or class labels (N) (or (1) for one sample).
 */
export function crossEntropyError(y: NDArray, t: NDArray): number {
  if (y.ndim !== 1 && y.ndim !== 2) {
    throw new Error(`crossEntropyError: y must be (K) or (N, K), got ${formatShape(y.shape)}`);
  }
  const [n, k] = y.ndim === 2 ? y.shape : [1, y.shape[0]];
  const oneHot =
    t.size === y.size && t.ndim === y.ndim && t.shape.every((d, i) => d === y.shape[i]);
  if (!oneHot && !(t.ndim === 1 && t.size === n)) {
    throw new Error(
      `crossEntropyError: t ${formatShape(t.shape)} is neither one-hot like y ${formatShape(y.shape)} nor ${n} labels`,
    );
  }
  if (n === 0) throw new Error('crossEntropyError: the batch is empty');
  let total = 0;
  for (let i = 0; i < n; i++) {
    const label = oneHot ? argmaxRow(t.data, i * k, k) : t.data[i];
    if (!Number.isInteger(label) || label < 0 || label >= k) {
      throw new Error(
        `crossEntropyError: label ${label} of sample ${i} is not a class in [0, ${k})`,
      );
    }
    total += Math.log(y.data[i * k + label] + DELTA);
  }
  return -total / n;
}

// the first index of the largest of A[start .. start + len), as numpy's argmax
function argmaxRow(A: Float64Array, start: number, len: number): number {
  let best = 0;
  for (let j = 1; j < len; j++) if (A[start + j] > A[start + best]) best = j;
  return best;
}
