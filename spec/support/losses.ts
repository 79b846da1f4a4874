// The losses of book 4.2 written out independently, the inputs their laws generate, and the
// check that a refusal names both shapes. Shared by spec 01, its hidden laws and its suspects.
import fc from 'fast-check';
import { NDArray } from '../../src/index.ts';
import { classCountArb, ndarrayArb, oneHot, probabilityRowArb } from './arbitraries.ts';
import { expectIdentical, expectThrows, type Tolerance } from './close.ts';
import { fail } from '../../grader/law-error.ts';

export const DELTA = 1e-7; // the book's δ inside log(y + δ)

// ½ Σ of ≤ 256 squares, all ≥ 0: any summation order rounds within 256ε ≈ 6e-14 relative;
// 1e-12 allows it and still sees a lost ½ or a division by N
export const SQUARES: Tolerance = { abs: 1e-15, rel: 1e-12 };
// ≤ 6 logs of y + δ ≥ 1e-7, each ≤ 16.2 in size and rounded within 4e-15; their mean, or the
// log of their product, adds ≤ 6ε relative. A δ misplaced moves the result by ≥ 1e-7.
export const LOGS: Tolerance = { abs: 1e-14, rel: 1e-12 };

/** An array of the given shape holding `values`. */
export const nd = (values: ArrayLike<number>, shape: readonly number[]) =>
  new NDArray(Float64Array.from(values), shape);

/** ½ Σ (y − t)² over every element. */
export function halfSumOfSquares(y: NDArray, t: NDArray): number {
  let sum = 0;
  for (let i = 0; i < y.size; i++) sum += (y.data[i] - t.data[i]) ** 2;
  return 0.5 * sum;
}

/** The mean over the rows of −log(y[n, label n] + δ); a 1-D y is one row. */
export function meanCrossEntropy(y: NDArray, labels: ArrayLike<number>): number {
  const k = y.shape[y.ndim - 1];
  const rows = y.size / k;
  let sum = 0;
  for (let n = 0; n < rows; n++) sum += Math.log(y.data[n * k + labels[n]] + DELTA);
  return -sum / rows;
}

/** The book's example (4.2.1): the answer is "2"; y1 is confident and right, y2 confident and wrong. */
export function bookExample(): { t: NDArray; y1: NDArray; y2: NDArray } {
  return {
    t: nd([0, 0, 1, 0, 0, 0, 0, 0, 0, 0], [10]),
    y1: nd([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0], [10]),
    y2: nd([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0], [10]),
  };
}

/** 1 to 4 axes of 1..4: (K), (N, K) and more; ≤ 256 elements keeps a case quick. */
export const axesArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 });

/** y and t of one shape; |values| ≤ 2 keeps the squares readable. */
export const samePairArb = axesArb.chain((shape) =>
  fc.tuple(ndarrayArb(shape, -2, 2), ndarrayArb(shape, -2, 2)),
);

/** One sample: a probability vector y (K) of K ≥ 2 classes and its true class. */
export const sampleArb = classCountArb.chain((k) =>
  fc
    .tuple(probabilityRowArb(k), fc.integer({ min: 0, max: k - 1 }))
    .map(([row, label]) => ({ y: nd(row, [k]), label, k })),
);

/** A batch or a sample as a counterexample shows it. */
export const showBatch = (b: { y: NDArray; labels: NDArray }) => `y = ${b.y}, labels = ${b.labels}`;
export const showSample = (s: { y: NDArray; label: number }) => `y = ${s.y}, true class ${s.label}`;

/** The (K) one-hot vector of a class. */
export function oneHotVector(label: number, k: number): NDArray {
  return nd(oneHot(nd([label], [1]), k).data, [k]);
}

/** A copy of the values under another shape (by default the same one). */
export const reshaped = (a: NDArray, shape: readonly number[] = a.shape) => nd(a.data, shape);

/** A shape as a message may write it: (2, 3), [2,3], 2x3 or 2×3, not inside a longer number. */
const shapePattern = (shape: readonly number[]) =>
  new RegExp(`(?<![\\d.])${shape.join('\\s*[,x×]\\s*')}(?![\\d.])`);

/** A shape as the student writes it: (2, 3). */
export const dims = (a: NDArray) => `(${a.shape.join(', ')})`;

/** Fails unless `name`(y, t) throws an Error whose message shows the shapes of both y and t. */
export function expectShapesNamed(
  name: string,
  f: (y: NDArray, t: NDArray) => unknown,
  y: NDArray,
  t: NDArray,
) {
  const what = `${name}(y ${dims(y)}, t ${dims(t)})`;
  let message = '';
  expectThrows(() => {
    try {
      return f(y, t);
    } catch (error) {
      message = error instanceof Error ? error.message : '';
      throw error;
    }
  }, what);
  for (const [which, a] of [
    ['y', y],
    ['t', t],
  ] as const) {
    if (!shapePattern(a.shape).test(message))
      fail(`${what} threw "${message}", which does not show ${which}'s shape ${dims(a)}`);
  }
}

/** Fails unless `f(y, t)` leaves y and t as they were: the same shapes, the same bits. */
export function expectInputsKept(
  name: string,
  f: (y: NDArray, t: NDArray) => unknown,
  y: NDArray,
  t: NDArray,
) {
  const before = [y, t].map((a) => ({ data: a.data.slice(), shape: dims(a) }));
  f(y, t);
  [y, t].forEach((a, i) => {
    const what = `${name}(y ${before[0].shape}, t ${before[1].shape}): its ${i === 0 ? 'y' : 't'}`;
    if (dims(a) !== before[i].shape) fail(`${what} changed shape to ${dims(a)}`);
    expectIdentical(a, before[i].data, what);
  });
}
