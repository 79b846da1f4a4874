// The book's simpleNet (4.4.2) written out by hand: its scores with their rounding bound, its
// loss and the exact gradient of that loss, and the inputs its laws generate. Shared by spec 05
// and its suspects.
import fc from 'fast-check';
import { NDArray } from '../../src/index.ts';
import type { Tolerance } from './close.ts';
import { labelsArb, matrixArb, oneHot, realArb } from './arbitraries.ts';

const EPS = Number.EPSILON;
const DELTA = 1e-7; // the book's δ inside log(y + δ)
const H = 1e-4; // src's central-difference step
// a few roundings of values near 1: the book's numbers are reproduced to the last digits
export const BOOK: Tolerance = { abs: 0, rel: 1e-12 };
// logits |z| ≤ 3·(|W₀ⱼ| + |W₁ⱼ|) ≲ 40 are rounded to ~4ε|z|, which moves log-softmax by
// ≲ 10ε·40 ≈ 1e-13, whether softmax uses src's exp or Math.exp
export const LOSS: Tolerance = { abs: 1e-12, rel: 1e-12 };
// central difference: truncation h²/6·|∂³L/∂W³| with ∂³L/∂Wᵢⱼ³ = xᵢ³·∂³L/∂zⱼ³, |xᵢ| ≤ 2 and
// |∂³L/∂zⱼ³| ≤ 1/(6√3) < 0.25 (softmax cross-entropy, δ included) gives 3.3e-9; each loss
// (|z| ≤ 12) rounds within ~4e-14 however it is computed, and two of them over 2h add 4e-10
export const GRADIENT: Tolerance = { abs: (H * H * 8 * 0.25) / 6 + 5e-10, rel: 0 };

// the book's example (4.4.2): this W, x = [0.6, 0.9], t = [0, 0, 1]
export const W_BOOK = [
  [0.47355232, 0.9977393, 0.84668094],
  [0.85557411, 0.03563661, 0.69422093],
];
export const X_BOOK = [0.6, 0.9];

/** The rows of x: a 1-D x (2) is one. */
export const rowsOf = (x: NDArray) => (x.ndim === 1 ? 1 : x.shape[0]);

/**
 * x·W for x (2) or (N, 2) and W (2, 3), and per element the bound on how far any honest
 * evaluation may round from it: each side of a two-term dot product is within 2ε·Σ|xₖWₖⱼ| of
 * the exact value, so two of them differ by ≤ 4ε·Σ|xₖWₖⱼ|.
 */
export function scores(W: ArrayLike<number>, x: NDArray): { z: NDArray; bound: Float64Array } {
  const rows = rowsOf(x);
  const [z, bound] = [new Float64Array(3 * rows), new Float64Array(3 * rows)];
  for (let n = 0; n < rows; n++) {
    for (let j = 0; j < 3; j++) {
      const [a, b] = [x.data[2 * n] * W[j], x.data[2 * n + 1] * W[3 + j]];
      z[3 * n + j] = a + b;
      bound[3 * n + j] = 4 * EPS * (Math.abs(a) + Math.abs(b));
    }
  }
  return { z: new NDArray(z, x.ndim === 1 ? [3] : [rows, 3]), bound };
}

/** −mean log(softmax(x·W)[t] + δ), and its exact gradient w.r.t. W, written out by hand. */
export function oracle(W: ArrayLike<number>, x: NDArray, labels: ArrayLike<number>) {
  const rows = rowsOf(x);
  const dW = new Float64Array(6);
  let loss = 0;
  for (let n = 0; n < rows; n++) {
    const z = [0, 1, 2].map((j) => x.data[2 * n] * W[j] + x.data[2 * n + 1] * W[3 + j]);
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const y = e.map((v) => v / (e[0] + e[1] + e[2]));
    const label = labels[n];
    loss -= Math.log(y[label] + DELTA) / rows;
    // ∂/∂z of −log(y_t + δ) is (y − t)·y_t/(y_t + δ): the book's y − t, with δ's factor
    const r = y[label] / (y[label] + DELTA);
    for (let j = 0; j < 3; j++) {
      const dz = (r * (y[j] - (j === label ? 1 : 0))) / rows;
      dW[j] += x.data[2 * n] * dz;
      dW[3 + j] += x.data[2 * n + 1] * dz;
    }
  }
  return { loss, dW: new NDArray(dW, [2, 3]) };
}

/** t in both forms for x: one-hot of predict's shape, and labels (N), or (1) for a 1-D x. */
export function targets(x: NDArray, labels: NDArray): { oneHot: NDArray; labels: NDArray } {
  const hot = oneHot(labels, 3);
  return { oneHot: x.ndim === 1 ? new NDArray(hot.data, [3]) : hot, labels };
}

/** A seed for createRng: any 32-bit integer, so each case gets a net of its own. */
export const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/**
 * x (2) or (N, 2) with reals in [−xMax, xMax], and its labels. N = 0 stands for the book's
 * single 1-D sample; N ≤ 3 keeps a case readable.
 */
export const sampleArb = (xMax: number) =>
  fc
    .integer({ min: 0, max: 3 })
    .chain((n) =>
      fc
        .tuple(matrixArb(Math.max(n, 1), 2, -xMax, xMax), labelsArb(Math.max(n, 1), 3))
        .map(([x, labels]) => ({ x: n === 0 ? new NDArray(x.data, [2]) : x, labels })),
    );

// both sides of the linearity law round ≤ 4 times per term of S = Σₖ (|αxₖ| + |βzₖ|)·|Wₖⱼ|,
// so they differ by ≤ 8ε·S; 16ε·S leaves room for any summation order
const LINEAR_ULPS = 16;

/** x and z of one shape, (2) or (N, 2), and α, β: |x|, |z| ≤ 10 and |α|, |β| ≤ 5 keep it readable. */
export const linearCaseArb = fc.integer({ min: 0, max: 4 }).chain((n) => {
  const xArb = matrixArb(Math.max(n, 1), 2).map((x) => (n ? x : new NDArray(x.data, [2])));
  return fc.tuple(xArb, xArb, realArb(-5, 5), realArb(-5, 5));
});

/** αx + βz, elementwise. */
export const mix = (x: NDArray, z: NDArray, a: number, b: number) =>
  new NDArray(
    x.data.map((v, i) => a * v + b * z.data[i]),
    x.shape,
  );

/** Per score, how far predict(αx + βz) and α·predict(x) + β·predict(z) may round apart. */
export function linearBound(W: ArrayLike<number>, x: NDArray, z: NDArray, a: number, b: number) {
  return new Float64Array(3 * rowsOf(x)).map((_, i) => {
    const [r, j] = [Math.floor(i / 3), i % 3];
    const term = (k: number) => Math.abs(a * x.data[2 * r + k]) + Math.abs(b * z.data[2 * r + k]);
    return LINEAR_ULPS * EPS * (term(0) * Math.abs(W[j]) + term(1) * Math.abs(W[3 + j]));
  });
}

/** f applied to each row of 3 scores. */
export const rowwise = (z: ArrayLike<number>, f: (row: number[]) => number[]) =>
  Array.from({ length: z.length / 3 }, (_, r) => f(Array.from(z).slice(3 * r, 3 * r + 3))).flat();
export const softmaxRow = (row: number[]) => {
  const e = row.map((v) => Math.exp(v - Math.max(...row)));
  return e.map((v) => v / e.reduce((a, b) => a + b, 0));
};
export const sigmoidRow = (row: number[]) => row.map((v) => 1 / (1 + Math.exp(-v)));

/** −mean log(g(z)[n, tₙ] + δ) over the rows of the scores z: a loss with g for softmax. */
export function squashedLoss(
  z: ArrayLike<number>,
  labels: number[],
  g: (row: number[]) => number[],
) {
  const y = rowwise(z, g);
  return -labels.reduce((s, l, n) => s + Math.log(y[3 * n + l] + DELTA), 0) / labels.length;
}
