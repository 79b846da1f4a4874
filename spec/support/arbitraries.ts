// Shared generators. Every bound has a reason; reals are built from integers on purpose,
// because a bare fc.double() spends most of its cases near 0, on subnormals, NaN and ±∞.
import fc from 'fast-check';
import { NDArray } from '../../src/index.ts';

/** A real in [min, max] on a grid of 1e-3: well-conditioned, and it shrinks toward 0. */
export function realArb(min: number, max: number): fc.Arbitrary<number> {
  const GRID = 1000;
  return fc
    .integer({ min: Math.ceil(min * GRID), max: Math.floor(max * GRID) })
    .map((k) => k / GRID);
}

/** Batch and class counts: small keeps cases readable, ≥ 2 classes keeps labels meaningful. */
export const batchSizeArb = fc.integer({ min: 1, max: 6 });
export const classCountArb = fc.integer({ min: 2, max: 10 });

/** An array of the given shape with entries from valueArb, by default reals in [−10, 10]. */
export function arrayArb(
  shape: readonly number[],
  valueArb: fc.Arbitrary<number> = realArb(-10, 10),
): fc.Arbitrary<NDArray> {
  const size = shape.reduce((a, b) => a * b, 1);
  return fc
    .array(valueArb, { minLength: size, maxLength: size })
    .map((values) => new NDArray(Float64Array.from(values), shape));
}

/** An (rows, cols) array of reals in [min, max]. */
export function matrixArb(rows: number, cols: number, min = -10, max = 10): fc.Arbitrary<NDArray> {
  return arrayArb([rows, cols], realArb(min, max));
}

/**
 * One probability row of k entries. Weights from 1..1000 keep every entry ≥ 1/(1000k), so
 * log(y) is far from the δ = 1e-7 regime unless a law asks for zeros on purpose.
 */
export function probabilityRowArb(k: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: k, maxLength: k }).map((w) => {
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / total);
  });
}

/** An (n, k) batch of probability rows. */
export function probabilityBatchArb(n: number, k: number): fc.Arbitrary<NDArray> {
  return fc
    .array(probabilityRowArb(k), { minLength: n, maxLength: n })
    .map((rows) => new NDArray(Float64Array.from(rows.flat()), [n, k]));
}

/** n labels in 0..k−1, as the float64 array the book's t would be. */
export function labelsArb(n: number, k: number): fc.Arbitrary<NDArray> {
  return fc
    .array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n })
    .map((labels) => new NDArray(Float64Array.from(labels), [n]));
}

/** The (n, k) one-hot form of labels. */
export function oneHot(labels: NDArray, k: number): NDArray {
  const n = labels.size;
  const data = new Float64Array(n * k);
  for (let row = 0; row < n; row++) data[row * k + labels.data[row]] = 1;
  return new NDArray(data, [n, k]);
}

/** A batch with its labels: { n, k, y (n, k), labels (n) }. */
export const classifiedBatchArb: fc.Arbitrary<{
  n: number;
  k: number;
  y: NDArray;
  labels: NDArray;
}> = fc
  .tuple(batchSizeArb, classCountArb)
  .chain(([n, k]) =>
    fc
      .tuple(probabilityBatchArb(n, k), labelsArb(n, k))
      .map(([y, labels]) => ({ n, k, y, labels })),
  );

/** 1 to 3 axes of 1..4: a vector, a weight matrix, or a stack of them; ≤ 64 elements keeps it quick. */
export const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 });

/** An array of the given shape, reals in [min, max]. */
export function ndarrayArb(
  shape: readonly number[],
  min: number,
  max: number,
): fc.Arbitrary<NDArray> {
  return arrayArb(shape, realArb(min, max));
}

/** 0 to 3 axes of 1..4: shapeArb or a 0-d array, the shape () of a single number. */
export const anyShapeArb: fc.Arbitrary<number[]> = fc.oneof(fc.constant<number[]>([]), shapeArb);

// The library's own tests (maintainers/tests/) reach its edge cases too: empty axes, and rows
// mostly zero, which the fast kernels skip.

/** An axis of 0..6: empty ones included; ≤ 6 keeps hundreds of cases quick. */
export const dimArb = fc.integer({ min: 0, max: 6 });
/** An axis of 1..6, where an empty one would leave a law vacuous or undefined (max, argmax). */
export const posDimArb = fc.integer({ min: 1, max: 6 });
/** 0 to 3 axes of 0..6: the 0-d shape (), and shapes with empty axes. */
export const shapeWithEmptyAxesArb = fc.array(dimArb, { minLength: 0, maxLength: 3 });

/** 70% zeros, as in MNIST's rows, and otherwise a real in [−10, 10]. */
export const sparseRealArb = fc.oneof(
  { weight: 7, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: realArb(-10, 10) },
);

/** A (rows, cols) matrix, dense or 70% zeros: the products' two paths. */
export function denseOrSparseMatrixArb(rows: number, cols: number): fc.Arbitrary<NDArray> {
  return fc.oneof(arrayArb([rows, cols]), arrayArb([rows, cols], sparseRealArb));
}
