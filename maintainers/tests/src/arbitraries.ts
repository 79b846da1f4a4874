// Shared generators for the library's tests. Values are well-conditioned on purpose: no NaN,
// ±∞, −0 or subnormals, so a failure points at the code and not at float corner cases.
import fc from 'fast-check';
import { NDArray } from '../../../src/index.ts';

// k/100 for |k| ≤ 1000: exact-ish decimals in [−10, 10], far from overflow and subnormals
export const realArb = fc.integer({ min: -1000, max: 1000 }).map((k) => k / 100);

// 0..6 per axis: small enough to run hundreds of cases, and includes empty axes
export const dimArb = fc.integer({ min: 0, max: 6 });
// 1..6 per axis, where an empty axis would make the law vacuous or undefined (max, argmax)
export const posDimArb = fc.integer({ min: 1, max: 6 });

/** An array of the given shape with entries from realArb. */
export function arrayArb(shape: readonly number[], valueArb = realArb): fc.Arbitrary<NDArray> {
  const n = shape.reduce((p, d) => p * d, 1);
  return fc
    .array(valueArb, { minLength: n, maxLength: n })
    .map((v) => new NDArray(Float64Array.from(v), shape));
}

// 70% zeros, as MNIST-like input that exercises the kernels' zero skipping
export const sparseRealArb = fc.oneof(
  { weight: 7, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: realArb },
);

/** A (rows, cols) matrix, dense or sparse. */
export function matrixArb(rows: number, cols: number): fc.Arbitrary<NDArray> {
  return fc.oneof(arrayArb([rows, cols]), arrayArb([rows, cols], sparseRealArb));
}

/** A shape of 0 to 3 axes. */
export const shapeArb = fc.array(dimArb, { minLength: 0, maxLength: 3 });
