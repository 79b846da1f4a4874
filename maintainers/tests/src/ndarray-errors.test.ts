// The error paths of the array library: each bad input throws, and the message names the
// function, the offending position or shape, and what was expected.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NDArray,
  array,
  crossEntropyError,
  dot,
  full,
  inner,
  mean,
  reshape,
  softmax,
  takeRows,
  transpose,
  zeros,
} from '../../../src/index.ts';
import { arrayArb, posDimArb } from '../../../spec/support/arbitraries.ts';
import { sameBits } from '../../../spec/support/close.ts';

describe('NDArray and its constructors', () => {
  it('refuses data that is not a Float64Array, even a plain list of numbers', () => {
    const list = [1, 2, 3] as unknown as Float64Array;
    expect(() => new NDArray(list, [3])).toThrow('NDArray: data must be a Float64Array');
    const floats = Float32Array.of(1, 2, 3) as unknown as Float64Array;
    expect(() => new NDArray(floats, [3])).toThrow('NDArray: data must be a Float64Array');
  });

  it('names the ragged row when a row of a 2-D list is not a list at all', () => {
    const rows = [[1, 2], 3] as unknown as number[][];
    expect(() => array(rows)).toThrow(
      'array: ragged input, row 0 has 2 elements but row 1 is not a list',
    );
  });

  it('names the position of a non-number and the length of a ragged row', () => {
    expect(() => array([[1, 'x' as unknown as number]])).toThrow(
      'array: element [0][1] is not a number',
    );
    expect(() => array([[1, 2], [3]])).toThrow(
      'array: ragged input, row 0 has 2 elements but row 1 is 1 elements',
    );
    // a single value has no position to name
    expect(() => array('x' as unknown as number)).toThrow(/^array: element +is not a number$/);
  });

  it.each<[string, readonly number[]]>([
    ['a negative axis', [2, -1]],
    ['a fractional axis', [2.5]],
    ['a shape that is not a list', 3 as unknown as number[]],
  ])('full names the bad shape for %s', (_, shape) => {
    expect(() => full(shape, 7)).toThrow(
      `NDArray: shape [${String(shape)}] must be a list of non-negative integers`,
    );
  });

  it('takeRows refuses a 0-d array, which has no rows', () => {
    expect(() => takeRows(array(5), [0])).toThrow('takeRows: cannot take rows of a 0-d array');
  });
});

describe('reshape into shapes it cannot take', () => {
  it.each<[string, readonly number[], readonly number[]]>([
    ['a shape of another size', [2, 6], [5, 2]],
    ['negative sizes whose product fits', [2, 3], [-2, -3]],
    // numpy refuses this too: any size would do for the -1
    ['a -1 beside a 0', [0, 3], [0, -1]],
  ])('names both shapes for %s', (_, from, to) => {
    const f = `(${from.join(', ')})`;
    const t = `(${to.join(', ')})`;
    expect(() => reshape(zeros(from), to)).toThrow(
      `reshape: cannot reshape an array of shape ${f} into ${t}`,
    );
  });
});

describe('ops and linalg on shapes they do not take', () => {
  it('transpose names the shape of a 3-D array', () => {
    expect(() => transpose(zeros([2, 3, 4]))).toThrow(
      'transpose: expects a 1-D or 2-D array, got (2, 3, 4)',
    );
  });

  it('dot names both shapes when an operand is 0-D or 3-D', () => {
    expect(() => dot(array(2), zeros([1, 1]))).toThrow('dot: shapes () and (1, 1) do not align');
    expect(() => dot(zeros([2, 2]), zeros([2, 2, 2]))).toThrow(
      'dot: shapes (2, 2) and (2, 2, 2) do not align',
    );
  });

  it('inner names both shapes for vectors of unequal length or a matrix', () => {
    expect(() => inner(zeros([3]), zeros([4]))).toThrow('inner: shapes (3) and (4) do not align');
    expect(() => inner(zeros([2, 2]), zeros([4]))).toThrow(
      'inner: shapes (2, 2) and (4) do not align',
    );
  });

  it('mean(x, a − ndim) is bit-identical to mean(x, a): negative axes count from the end', () => {
    // 1..3 axes of 1..6 each: every axis has a lane to average
    const caseArb = fc
      .array(posDimArb, { minLength: 1, maxLength: 3 })
      .chain((shape) => fc.tuple(arrayArb(shape), fc.nat({ max: shape.length - 1 })));
    fc.assert(
      fc.property(caseArb, ([x, axis]) => {
        const [back, front] = [mean(x, axis - x.ndim), mean(x, axis)];
        expect(back.shape).toEqual(front.shape);
        expect(sameBits(back.data, front.data)).toBe(true);
      }),
    );
  });

  it('mean on a worked example: mean([[1, 2], [3, 5]], -1) = [1.5, 4]', () => {
    const m = mean(
      array([
        [1, 2],
        [3, 5],
      ]),
      -1,
    );
    expect(sameBits(m.data, Float64Array.of(1.5, 4))).toBe(true);
  });
});

describe('softmax and crossEntropyError on shapes they do not take', () => {
  it('softmax refuses a 0-d array', () => {
    expect(() => softmax(array(1))).toThrow('softmax: expects a 1-D or 2-D array, got shape ()');
  });

  it.each<[string, NDArray]>([
    ['0-D', array(0.5)],
    ['3-D', full([2, 1, 3], 1 / 3)],
  ])('crossEntropyError names the shape of a %s y', (_, y) => {
    const shape = `(${y.shape.join(', ')})`;
    expect(() => crossEntropyError(y, array([0]))).toThrow(
      `crossEntropyError: y must be (K) or (N, K), got ${shape}`,
    );
  });

  it('crossEntropyError refuses an empty batch rather than return 0/0', () => {
    expect(() => crossEntropyError(zeros([0, 3]), zeros([0]))).toThrow(
      'crossEntropyError: the batch is empty',
    );
  });
});
