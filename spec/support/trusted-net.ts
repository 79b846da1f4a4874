// The grader's own two-layer net, written from the book's formulas with src's kernels, so the
// specs of 06 and 07 never depend on a student's TwoLayerNet:
//   a1 = x·W1 + b1,  z1 = sigmoid(a1),  y = softmax(z1·W2 + b2)       x: (N, I) → y: (N, O)
// Its gradient is exact for the loss −(1/N) Σₙ log(y[n, tₙ] + δ): with δ = 0 it is the book's
// backpropagation, dy = (y − t)/N; with the book's δ = 1e-7 inside the log each row of dy
// carries the factor y_t/(y_t + δ), which makes it the true gradient of src's crossEntropyError.
import {
  add,
  argmax,
  crossEntropyError,
  dot,
  dotNT,
  dotTN,
  map,
  mul,
  NDArray,
  randn,
  sigmoid,
  sigmoidGrad,
  softmax,
  sum,
  zeros,
  type Rng,
} from '../../src/index.ts';

export type TrustedParams = { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray };
export const KEYS = ['W1', 'b1', 'W2', 'b2'] as const;
export type Key = (typeof KEYS)[number];

/** y: (N, O), with the hidden layer's pre-activation a1 and activation z1. */
export function forward(p: TrustedParams, x: NDArray): { a1: NDArray; z1: NDArray; y: NDArray } {
  const a1 = add(dot(x, p.W1), p.b1);
  const z1 = sigmoid(a1);
  return { a1, z1, y: softmax(add(dot(z1, p.W2), p.b2)) };
}

/** dy = ∂L/∂a2 (N, O) for one-hot t, L = −(1/N) Σ log(y_t + delta). */
export function outputDelta(y: NDArray, t: NDArray, delta: number): NDArray {
  const [n, o] = y.shape;
  const dy = new NDArray(new Float64Array(n * o), [n, o]);
  for (let row = 0; row < n; row++) {
    let yt = 0;
    for (let j = 0; j < o; j++) yt += y.data[row * o + j] * t.data[row * o + j];
    const r = delta === 0 ? 1 : yt / (yt + delta);
    for (let j = 0; j < o; j++) {
      dy.data[row * o + j] = (r * (y.data[row * o + j] - t.data[row * o + j])) / n;
    }
  }
  return dy;
}

/**
 * The backward pass from dy, with the hidden layer's local gradient `local` (the book's is
 * sigmoidGrad(a1)); the suspects pass the factors a mistaken one would use.
 */
export function backprop(
  p: TrustedParams,
  x: NDArray,
  dy: NDArray,
  local: (a1: NDArray, z1: NDArray) => NDArray = (a1) => sigmoidGrad(a1),
): TrustedParams {
  const { a1, z1 } = forward(p, x);
  const dz1 = mul(local(a1, z1), dotNT(dy, p.W2));
  return { W1: dotTN(x, dz1), b1: sum(dz1, 0), W2: dotTN(z1, dy), b2: sum(dy, 0) };
}

/** ∂L/∂params for one-hot t: (N, O), L = −(1/N) Σ log(y_t + delta). */
export function exactGradient(
  p: TrustedParams,
  x: NDArray,
  t: NDArray,
  delta: number,
): TrustedParams {
  return backprop(p, x, outputDelta(forward(p, x).y, t, delta));
}

/**
 * The book's backpropagation run on magnitudes: every factor replaced by its absolute value
 * and dy by (|y| + |t|)/N. Each sum of products the gradient forms is bounded by it, so a
 * rounding error of k·ε relative in every factor moves gradient[i] by at most ≈ k·ε·M[i].
 */
export function gradientMagnitudes(p: TrustedParams, x: NDArray, t: NDArray): TrustedParams {
  const abs = (a: NDArray) => map(a, Math.abs);
  const { a1, z1, y } = forward(p, x);
  const dy = mul(add(abs(y), abs(t)), 1 / y.shape[0]);
  const dz1 = mul(sigmoidGrad(a1), dotNT(dy, abs(p.W2)));
  return { W1: dotTN(abs(x), dz1), b1: sum(dz1, 0), W2: dotTN(z1, dy), b2: sum(dy, 0) };
}

/** A plain two-layer model with the interface trainNeuralNet drives: the end-to-end oracle. */
export class TrustedTwoLayerNet {
  params: TrustedParams;

  constructor(inputSize: number, hiddenSize: number, outputSize: number, std: number, rng: Rng) {
    this.params = {
      W1: mul(randn([inputSize, hiddenSize], rng), std),
      b1: zeros([hiddenSize]),
      W2: mul(randn([hiddenSize, outputSize], rng), std),
      b2: zeros([outputSize]),
    };
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(forward(this.params, x).y, t);
  }

  /** t one-hot (N, O) or labels (N). */
  accuracy(x: NDArray, t: NDArray): number {
    const guess = argmax(forward(this.params, x).y, 1);
    const labels = t.ndim === 2 ? argmax(t, 1) : t;
    let hits = 0;
    for (let n = 0; n < guess.size; n++) if (guess.data[n] === labels.data[n]) hits++;
    return hits / guess.size;
  }

  gradient(x: NDArray, t: NDArray): TrustedParams {
    return exactGradient(this.params, x, t, 0);
  }
}
