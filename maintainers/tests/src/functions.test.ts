import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NDArray,
  add,
  argmax,
  array,
  copy,
  crossEntropyError,
  relu,
  sigmoid,
  sigmoidGrad,
  softmax,
  sum,
} from '../../../src/index.ts';
import { arrayArb, oneHot, posDimArb, realArb } from '../../../spec/support/arbitraries.ts';
import { asArray, expectClose, sameBits } from '../../../spec/support/close.ts';

const EPS = Number.EPSILON;
const EXACT = { abs: 0, rel: 0 };
const logitsArb = fc.tuple(posDimArb, posDimArb).chain(([n, k]) => arrayArb([n, k]));

describe('softmax', () => {
  it('every row is positive and sums to 1 within K·ε', () => {
    fc.assert(
      fc.property(logitsArb, (x) => {
        const y = softmax(x);
        const k = x.shape[1];
        expect(y.data.every((v) => v > 0)).toBe(true);
        // K roundings in the sum plus one per division, each at most ε relative
        const tol = { abs: 2 * k * EPS, rel: 0 };
        expectClose(sum(y, 1), new Float64Array(x.shape[0]).fill(1), tol, 'the row sums');
      }),
    );
  });

  it('is invariant to adding a constant to a row (within a few ε)', () => {
    // |c| ≤ 10 shifts logits by an amount whose rounding stays ~ε·|x|
    fc.assert(
      fc.property(logitsArb, realArb(-10, 10), (x, c) => {
        const shifted = asArray(softmax(add(x, c)), x.shape, 'softmax(x + c)');
        expectClose(shifted, softmax(x), { abs: 1e-13, rel: 0 }, 'softmax(x + c)');
      }),
    );
  });

  it('does not overflow: softmax([1010, 1000, 990]) = softmax([20, 10, 0])', () => {
    const y = softmax(array([1010, 1000, 990]));
    expect(y.data.every(Number.isFinite)).toBe(true);
    const what = 'softmax([1010, 1000, 990])';
    expectClose(asArray(y, [3], what), softmax(array([20, 10, 0])), EXACT, what);
    // the book's printed value, 4.3.2: [9.99954600e-01, 4.53978686e-05, 2.06106005e-09]
    expectClose(y, [9.999546e-1, 4.53978686e-5, 2.06106005e-9], { abs: 1e-9, rel: 0 }, what);
  });

  it('treats a 1-D x as one vector and leaves x unchanged', () => {
    fc.assert(
      fc.property(logitsArb, (x) => {
        const before = copy(x);
        const row = new NDArray(x.data.slice(0, x.shape[1]), [x.shape[1]]);
        expectClose(softmax(row), softmax(x).data.slice(0, x.shape[1]), EXACT, 'softmax(x[0])');
        return sameBits(x.data, before.data);
      }),
    );
  });
});

describe('activations', () => {
  it('sigmoidGrad(x) = sigmoid(x)·(1 − sigmoid(x)), and relu agrees with its cases', () => {
    fc.assert(
      fc.property(logitsArb, (x) => {
        const s = sigmoid(x).data;
        expectClose(
          sigmoidGrad(x),
          s.map((v) => v * (1 - v)),
          { abs: 2 * EPS, rel: 0 },
          'sigmoidGrad(x)',
        );
        expectClose(
          relu(x),
          x.data.map((v) => Math.max(v, 0)),
          EXACT,
          'relu(x)',
        );
      }),
    );
  });

  it('sigmoid(0) = 0.5 and stays finite far out', () => {
    expectClose(sigmoid(array([0, -1000, 1000])), [0.5, 0, 1], EXACT, 'sigmoid([0, −1000, 1000])');
  });
});

// a batch of probability rows and its labels
const batchArb = fc
  .tuple(posDimArb, fc.integer({ min: 2, max: 10 })) // 2..10 classes, as MNIST's 10
  .chain(([n, k]) =>
    fc.tuple(arrayArb([n, k]), fc.array(fc.nat(k - 1), { minLength: n, maxLength: n })),
  );

describe('crossEntropyError', () => {
  it('gives the same value for labels and for one-hot t', () => {
    fc.assert(
      fc.property(batchArb, ([x, labels]) => {
        const y = softmax(x);
        const t = oneHot(array(labels), x.shape[1]);
        const what = 'crossEntropyError(y, labels)';
        expectClose(crossEntropyError(y, array(labels)), crossEntropyError(y, t), EXACT, what);
        // not quite ≥ 0: when y → 1 the loss tends to −log(1 + 1e-7), as in the book
        expect(crossEntropyError(y, t)).toBeGreaterThanOrEqual(-Math.log1p(1e-7));
      }),
    );
  });

  it('is the batch mean of the per-sample losses', () => {
    fc.assert(
      fc.property(batchArb, ([x, labels]) => {
        const y = softmax(x);
        const k = x.shape[1];
        const each = labels.map((l, i) =>
          crossEntropyError(new NDArray(y.data.slice(i * k, (i + 1) * k), [k]), array([l])),
        );
        const mean = each.reduce((s, v) => s + v, 0) / labels.length;
        expectClose(
          crossEntropyError(y, array(labels)),
          mean,
          { abs: labels.length * 4 * EPS * Math.max(1, mean), rel: 0 },
          'crossEntropyError(y, labels)',
        );
      }),
    );
  });

  it("matches the book's example: 0.510825457099338 for y[2] = 0.6, −log(0.1 + 1e-7) for y[7] = 0.1", () => {
    const y = array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]);
    expectClose(
      crossEntropyError(y, array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])),
      0.510825457099338,
      { abs: 1e-15, rel: 0 },
      'crossEntropyError(y, one-hot 2)',
    );
    const label7 = crossEntropyError(y, array([7]));
    expectClose(label7, -Math.log(0.1 + 1e-7), EXACT, 'crossEntropyError(y, [7])');
    expect(argmax(y)).toBe(2);
  });

  it('rejects t that is neither one-hot like y nor labels, and labels out of range', () => {
    const y = softmax(
      array([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    );
    expect(() => crossEntropyError(y, array([1, 2, 0]))).toThrow(
      /t \(3\) is neither one-hot like y \(2, 3\) nor 2 labels/,
    );
    expect(() => crossEntropyError(y, array([0, 3]))).toThrow(/label 3 of sample 1/);
  });
});
