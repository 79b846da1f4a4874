import fc from 'fast-check';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  NDArray,
  array,
  copy,
  full,
  reshape,
  sameShape,
  takeRows,
  zeros,
} from '../../../src/index.ts';
import {
  arrayArb,
  dimArb,
  posDimArb,
  shapeWithEmptyAxesArb,
} from '../../../spec/support/arbitraries.ts';
import { sameBits } from '../../../spec/support/close.ts';

describe('NDArray', () => {
  it('rejects data whose length is not the product of the shape, naming both', () => {
    expect(() => new NDArray(new Float64Array(5), [2, 3])).toThrow(
      'NDArray: data has 5 elements but shape [2, 3] needs 6',
    );
    expect(() => new NDArray(new Float64Array(2), [2, -1])).toThrow(/non-negative integers/);
    expect(() => new NDArray(new Float64Array(2), [2.5])).toThrow(/non-negative integers/);
  });

  it('accepts a Float64Array made in another realm', () => {
    const foreign = vm.runInNewContext('new Float64Array([1, 2, 3])') as Float64Array;
    expect(new NDArray(foreign, [3]).get(2)).toBe(3);
  });

  it('keeps its own copy of the shape', () => {
    const shape = [2, 2];
    const a = new NDArray(new Float64Array(4), shape);
    shape[0] = 4;
    expect(a.shape).toEqual([2, 2]);
  });

  it('get reads row-major and checks bounds', () => {
    const a = array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(a.get(1, 0)).toBe(4);
    expect(() => a.get(2, 0)).toThrow(/out of range for axis 0/);
    expect(() => a.get(1)).toThrow(/1 indices/);
  });

  it('prints like numpy, on one line', () => {
    expect(
      String(
        array([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe('array([[1, 2], [3, 4]])');
    expect(String(array(2.5))).toBe('array(2.5)');
    expect(String(zeros([2000]))).toBe('array([0, 0, 0, ..., 0, 0, 0])');
  });
});

describe('array', () => {
  it('builds 0-d, 1-D and 2-D arrays whose toArray returns the input', () => {
    expect(array(3).shape).toEqual([]);
    expect(array([1, 2]).toArray()).toEqual([1, 2]);
    expect(array([[1], [2]]).toArray()).toEqual([[1], [2]]);
  });

  it('rejects ragged and non-numeric input with the position', () => {
    expect(() => array([[1, 2], [3]])).toThrow(/ragged input, row 0 has 2 elements but row 1/);
    expect(() => array([1, 'x' as unknown as number])).toThrow(
      'array: element [1] is not a number',
    );
  });
});

describe('copy and sameShape', () => {
  it('copy has the same shape and values, and writing to it leaves the original alone', () => {
    const a = array([
      [1, 2],
      [3, 4],
    ]);
    const c = copy(a);
    expect(c.shape).toEqual([2, 2]);
    c.data[0] = 9;
    expect(a.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('sameShape is true exactly when the lengths and every entry agree', () => {
    fc.assert(
      fc.property(shapeWithEmptyAxesArb, shapeWithEmptyAxesArb, (s, t) => {
        expect(sameShape(s, t)).toBe(s.join() === t.join() && s.length === t.length);
      }),
    );
    expect(sameShape([2, 3], [2, 3])).toBe(true);
    expect(sameShape([], [])).toBe(true);
    expect(sameShape([3], [3, 1])).toBe(false);
  });
});

describe('reshape', () => {
  it('round-trips: reshape(reshape(a, s), a.shape) holds the same values', () => {
    fc.assert(
      fc.property(
        fc.tuple(posDimArb, posDimArb, posDimArb).chain((s) => arrayArb(s)),
        (a) => {
          const flat = reshape(a, [-1]);
          const back = reshape(flat, a.shape);
          return flat.shape[0] === a.size && sameBits(back.data, a.data);
        },
      ),
    );
  });

  it('infers one -1, shares data as documented, and rejects impossible shapes', () => {
    const a = zeros([2, 6]);
    const b = reshape(a, [3, -1]);
    expect(b.shape).toEqual([3, 4]);
    b.data[0] = 7;
    expect(a.data[0]).toBe(7);
    expect(() => reshape(a, [5, -1])).toThrow(
      'reshape: cannot reshape an array of shape (2, 6) into (5, -1)',
    );
    expect(() => reshape(a, [-1, -1])).toThrow(/only one -1/);
  });
});

describe('takeRows', () => {
  it('row i of the result is row indices[i] of a, repeats allowed, a unchanged', () => {
    const caseArb = fc
      .tuple(posDimArb, dimArb)
      .chain(([n, d]) => fc.tuple(arrayArb([n, d]), fc.array(fc.nat(n - 1), { maxLength: 8 })));
    fc.assert(
      fc.property(caseArb, ([a, idx]) => {
        const before = copy(a);
        const r = takeRows(a, idx);
        const d = a.shape[1];
        expect(r.shape).toEqual([idx.length, d]);
        idx.forEach((row, i) => {
          for (let j = 0; j < d; j++) expect(r.get(i, j)).toBe(a.get(row, j));
        });
        expect(sameBits(a.data, before.data)).toBe(true);
      }),
    );
  });

  it('takes elements of a 1-D array and rejects out-of-range indices', () => {
    expect(takeRows(array([5, 6, 7]), [2, 0, 2]).toArray()).toEqual([7, 5, 7]);
    expect(() => takeRows(array([5, 6, 7]), [3])).toThrow(
      'takeRows: index 3 is out of range for 3 rows',
    );
  });
});

describe('zeros and full', () => {
  it('fill every element of any shape', () => {
    fc.assert(
      fc.property(shapeWithEmptyAxesArb, (shape) => {
        expect(zeros(shape).data.every((v) => v === 0)).toBe(true);
        expect(full(shape, 2).data.every((v) => v === 2)).toBe(true);
      }),
    );
  });
});
