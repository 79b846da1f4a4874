// crossEntropyError's reading of t: the cases where a looser reading would still return a
// number, only the wrong one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NDArray, array, crossEntropyError, softmax, zeros } from '../../../src/index.ts';
import { arrayArb, posDimArb } from '../../../spec/support/arbitraries.ts';
import { expectClose } from '../../../spec/support/close.ts';

// built inside each test: src/ code run while a file loads counts as no test's for Stryker
const y23 = () =>
  softmax(
    array([
      [1, 2, 3],
      [4, 5, 6],
    ]),
  );

describe('crossEntropyError reads t', () => {
  it('as one-hot only when it has y’s exact shape, not merely its size', () => {
    for (const t of [array([[1], [0]]), new NDArray(Float64Array.of(0, 1, 0, 0, 0, 1), [3, 2])]) {
      const shape = `(${t.shape.join(', ')})`;
      expect(() => crossEntropyError(y23(), t)).toThrow(
        `crossEntropyError: t ${shape} is neither one-hot like y (2, 3) nor 2 labels`,
      );
    }
    // an empty batch too: the wrong shape is the news, not the emptiness
    expect(() => crossEntropyError(zeros([0, 3]), zeros([0, 2]))).toThrow(
      'crossEntropyError: t (0, 2) is neither one-hot like y (0, 3) nor 0 labels',
    );
  });

  it('as labels when y has one class: t (N) against y (N, 1) is checked as labels', () => {
    const y = array([[1], [1]]);
    expect(crossEntropyError(y, array([0, 0]))).toBe(-Math.log(1 + 1e-7));
    expect(() => crossEntropyError(y, array([0, 1]))).toThrow(
      'crossEntropyError: label 1 of sample 1 is not a class in [0, 1)',
    );
  });

  it('as t.argmax(axis=1) when one-hot shaped: the first largest entry of each row', () => {
    // entries in 0..2, so rows often tie, and a later row may start higher than this one ends
    const caseArb = fc
      .tuple(posDimArb, fc.integer({ min: 2, max: 6 }))
      .chain(([n, k]) =>
        fc.tuple(arrayArb([n, k]), arrayArb([n, k], fc.integer({ min: 0, max: 2 }))),
      );
    fc.assert(
      fc.property(caseArb, ([x, t]) => {
        const y = softmax(x);
        const k = t.shape[1];
        const labels = Array.from({ length: t.shape[0] }, (_, i) => {
          const row = Array.from(t.data.subarray(i * k, (i + 1) * k));
          return row.indexOf(Math.max(...row));
        });
        const [got, want] = [crossEntropyError(y, t), crossEntropyError(y, array(labels))];
        expectClose(got, want, { abs: 0, rel: 0 }, 'crossEntropyError(y, t)');
      }),
    );
  });
});
