import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NDArray,
  add,
  argmax,
  array,
  copy,
  div,
  full,
  max,
  mean,
  mul,
  reshape,
  sub,
  sum,
  transpose,
} from '../../../src/index.ts';
import { arrayArb, dimArb, posDimArb, realArb } from '../../../spec/support/arbitraries.ts';
import { expectClose, sameBits } from '../../../spec/support/close.ts';

const EPS = Number.EPSILON;
const EXACT = { abs: 0, rel: 0 };
// a row of n identical copies of v: the explicit tiling that broadcasting stands for
const tileRows = (v: NDArray, n: number) =>
  new NDArray(
    Float64Array.from({ length: n * v.size }, (_, i) => v.data[i % v.size]),
    [n, v.size],
  );

const matrixPairArb = fc
  .tuple(dimArb, dimArb)
  .chain(([n, k]) => fc.tuple(arrayArb([n, k]), arrayArb([n, k])));

describe('broadcasting', () => {
  it('add and mul commute, bit for bit, for any broadcastable pair', () => {
    const pairArb = fc
      .tuple(posDimArb, posDimArb, fc.boolean())
      .chain(([n, k, col]) => fc.tuple(arrayArb([n, k]), arrayArb(col ? [n, 1] : [k])));
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        expect(sameBits(add(a, b).data, add(b, a).data)).toBe(true);
        expect(sameBits(mul(a, b).data, mul(b, a).data)).toBe(true);
      }),
    );
  });

  it('a scalar acts as a full array of that value', () => {
    fc.assert(
      fc.property(matrixPairArb, realArb(-10, 10), ([a], s) => {
        for (const op of [add, sub, mul, div]) {
          expect(sameBits(op(a, s).data, op(a, full(a.shape, s)).data)).toBe(true);
          expect(sameBits(op(s, a).data, op(full(a.shape, s), a).data)).toBe(true);
        }
      }),
    );
  });

  it('(N, K) op (K) equals (N, K) op the row tiled N times', () => {
    const caseArb = fc
      .tuple(dimArb, dimArb)
      .chain(([n, k]) => fc.tuple(arrayArb([n, k]), arrayArb([k])));
    fc.assert(
      fc.property(caseArb, ([a, v]) => {
        for (const op of [add, sub, mul, div]) {
          const got = op(a, v);
          expect(got.shape).toEqual(a.shape);
          expect(sameBits(got.data, op(a, tileRows(v, a.shape[0])).data)).toBe(true);
        }
      }),
    );
  });

  it('(N, 1) + (K) gives the (N, K) outer sum; 3-D shapes broadcast too', () => {
    expect(add(array([[1], [2]]), array([10, 20, 30])).toArray()).toEqual([
      [11, 21, 31],
      [12, 22, 32],
    ]);
    const c = add(reshape(array([1, 2]), [2, 1, 1]), reshape(array([10, 20, 30]), [1, 3, 1]));
    expect(c.shape).toEqual([2, 3, 1]);
    expect(c.get(1, 2, 0)).toBe(32);
  });

  it('incompatible shapes throw, naming the operation and both shapes', () => {
    expect(() => add(full([2, 3], 0), full([4], 0))).toThrow(
      'add: shapes (2, 3) and (4) do not broadcast',
    );
    expect(() => div(full([3, 2], 0), full([3], 0))).toThrow(
      'div: shapes (3, 2) and (3) do not broadcast',
    );
  });

  it('never modifies its inputs', () => {
    fc.assert(
      fc.property(matrixPairArb, ([a, b]) => {
        const [a0, b0] = [copy(a), copy(b)];
        for (const op of [add, sub, mul, div]) op(a, b);
        return sameBits(a.data, a0.data) && sameBits(b.data, b0.data);
      }),
    );
  });
});

// naive lane reduction over axis 0 or 1 of a matrix
function naiveReduce(a: NDArray, axis: 0 | 1, f: (lane: number[]) => number): number[] {
  const [n, k] = a.shape;
  const lanes = axis === 0 ? k : n;
  return Array.from({ length: lanes }, (_, l) =>
    f(
      Array.from({ length: axis === 0 ? n : k }, (_, i) =>
        axis === 0 ? a.get(i, l) : a.get(l, i),
      ),
    ),
  );
}

describe('reductions', () => {
  const matArb = fc.tuple(posDimArb, posDimArb).chain(([n, k]) => arrayArb([n, k]));
  const firstMax = (lane: number[]) => lane.indexOf(Math.max(...lane));
  const naiveSum = (lane: number[]) => lane.reduce((s, v) => s + v, 0);

  it('sum, mean, max and argmax along an axis match a naive lane loop', () => {
    fc.assert(
      fc.property(matArb, fc.constantFrom(0 as const, 1 as const), (a, axis) => {
        // same order of additions as the naive loop, so exact; mean divides once more
        expectClose(sum(a, axis), naiveReduce(a, axis, naiveSum), EXACT, `sum(a, ${axis})`);
        const len = a.shape[axis];
        expectClose(
          mean(a, axis),
          naiveReduce(a, axis, (l) => naiveSum(l) / len),
          EXACT,
          `mean(a, ${axis})`,
        );
        expectClose(
          max(a, axis),
          naiveReduce(a, axis, (l) => Math.max(...l)),
          EXACT,
          `max(a, ${axis})`,
        );
        const want = naiveReduce(a, axis, firstMax);
        expectClose(argmax(a, axis), want, EXACT, `argmax(a, ${axis})`);
      }),
    );
  });

  it('with no axis they reduce everything to a number; argmax gives the flat index', () => {
    fc.assert(
      fc.property(matArb, (a) => {
        const all = Array.from(a.data);
        expect(sum(a)).toBe(naiveSum(all));
        expect(max(a)).toBe(Math.max(...all));
        expect(argmax(a)).toBe(firstMax(all));
        // |Σ| error ≤ n·ε·Σ|x| for recursive summation; the division adds one rounding
        const bound = (all.length + 1) * EPS * all.reduce((s, v) => s + Math.abs(v), 0);
        expectClose(mean(a), naiveSum(all) / all.length, { abs: bound, rel: 0 }, 'mean(a)');
      }),
    );
  });

  it('negative axes count from the end, bad axes throw', () => {
    const a = array([
      [1, 5],
      [7, 2],
    ]);
    expect(argmax(a, -1).toArray()).toEqual([1, 0]);
    expect(() => sum(a, 2)).toThrow('sum: axis 2 is out of range for shape (2, 2)');
  });

  it('max and argmax propagate NaN as numpy does; max of nothing throws', () => {
    expect(max(array([1, NaN, 3]))).toBeNaN();
    expect(argmax(array([1, NaN, 3]))).toBe(1);
    expect(() => max(array([]))).toThrow(/empty/);
  });
});

describe('transpose', () => {
  it('is an involution and moves (i, j) to (j, i)', () => {
    fc.assert(
      fc.property(
        fc.tuple(dimArb, dimArb).chain(([n, k]) => arrayArb([n, k])),
        (a) => {
          const t = transpose(a);
          expect(t.shape).toEqual([a.shape[1], a.shape[0]]);
          for (let i = 0; i < a.shape[0]; i++)
            for (let j = 0; j < a.shape[1]; j++) expect(t.get(j, i)).toBe(a.get(i, j));
          return sameBits(transpose(t).data, a.data);
        },
      ),
    );
  });

  it('returns a copy of a 1-D array', () => {
    const v = array([1, 2]);
    const t = transpose(v);
    t.data[0] = 9;
    expect(v.data[0]).toBe(1);
  });
});
