// The general paths of ops.ts: elementwise and map with a function of the caller's, scalar
// operands on both sides, and reductions of arrays of more than two axes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NDArray,
  add,
  argmax,
  div,
  elementwise,
  full,
  map,
  max,
  mean,
  mul,
  sub,
  sum,
} from '../../../src/index.ts';
import { arrayArb, posDimArb } from '../../../spec/support/arbitraries.ts';
import { expectClose, sameBits } from '../../../spec/support/close.ts';

const EXACT = { abs: 0, rel: 0 };

describe('elementwise and map', () => {
  it('call f once per output element, in row-major order', () => {
    const seen: number[][] = [];
    const a = new NDArray(Float64Array.of(1, 2), [2, 1]);
    const b = new NDArray(Float64Array.of(10, 20, 30), [3]);
    elementwise(a, b, (x, y) => (seen.push([x, y]), 0));
    expect(seen).toEqual([
      [1, 10],
      [1, 20],
      [1, 30],
      [2, 10],
      [2, 20],
      [2, 30],
    ]);
    const mapped: number[] = [];
    map(b, (x) => (mapped.push(x), 0));
    expect(mapped).toEqual([10, 20, 30]);
  });

  it('name the operation when shapes do not broadcast, elementwise by default', () => {
    const [a, b] = [full([2, 3], 0), full([2], 0)];
    expect(() => elementwise(a, b, (x) => x)).toThrow(
      'elementwise: shapes (2, 3) and (2) do not broadcast',
    );
    for (const [name, op] of [
      ['add', add],
      ['sub', sub],
      ['mul', mul],
      ['div', div],
    ] as const) {
      expect(() => op(a, b)).toThrow(`${name}: shapes (2, 3) and (2) do not broadcast`);
    }
  });

  it('add, sub, mul and div equal the general path for any broadcastable pair of shapes', () => {
    // an output shape of 0..3 axes of 1..4; each operand keeps a suffix of it, some axes set to 1
    const pairArb = fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }).chain((out) => {
      const operandArb = fc
        .tuple(fc.nat(out.length), fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }))
        .map(([drop, ones]) => out.slice(drop).map((d, i) => (ones[i] ? 1 : d)))
        .chain((shape) => arrayArb(shape));
      return fc.tuple(operandArb, operandArb);
    });
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        for (const [op, f] of [
          [add, (x: number, y: number) => x + y],
          [sub, (x: number, y: number) => x - y],
          [mul, (x: number, y: number) => x * y],
          [div, (x: number, y: number) => x / y],
        ] as const) {
          const [got, want] = [op(a, b), elementwise(a, b, f)];
          expect(got.shape).toEqual(want.shape);
          expect(sameBits(got.data, want.data)).toBe(true);
        }
      }),
    );
    // a row that matches the middle axis of a 3-D array is not a row of it
    expect(() => add(full([2, 3, 4], 0), full([3], 0))).toThrow(
      'add: shapes (2, 3, 4) and (3) do not broadcast',
    );
  });

  it('take two numbers to a 0-d array, as numpy does', () => {
    for (const [op, want] of [
      [add, 8],
      [sub, 4],
      [mul, 12],
      [div, 3],
    ] as const) {
      const r = op(6, 2);
      expect(r.shape).toEqual([]);
      expect(r.toArray()).toBe(want);
    }
  });
});

// the lanes a[o, :, i] of an (outer, len, inner) array, in the order of the reduced output
const lanes = (a: NDArray) => {
  const [outer, len, inner] = a.shape;
  return Array.from({ length: outer * inner }, (_, k) => {
    const [o, i] = [Math.floor(k / inner), k % inner];
    return Array.from({ length: len }, (_, l) => a.get(o, l, i));
  });
};

describe('reductions along the middle axis of a 3-D array', () => {
  it('sum, mean, max and argmax fold each lane a[o, :, i] as a naive loop does', () => {
    const cubeArb = fc.tuple(posDimArb, posDimArb, posDimArb).chain((s) => arrayArb(s));
    fc.assert(
      fc.property(cubeArb, (a) => {
        const [outer, len, inner] = a.shape;
        const ls = lanes(a);
        // same order of additions as the lane loop, so exact; mean divides once more
        const s = ls.map((l) => l.reduce((t, v) => t + v, 0));
        expect(sum(a, 1).shape).toEqual([outer, inner]);
        expectClose(sum(a, 1), s, EXACT, 'sum(a, 1)');
        expectClose(
          mean(a, -2),
          s.map((v) => v / len),
          EXACT,
          'mean(a, -2)',
        );
        expectClose(
          max(a, 1),
          ls.map((l) => Math.max(...l)),
          EXACT,
          'max(a, 1)',
        );
        expectClose(
          argmax(a, 1),
          ls.map((l) => l.indexOf(Math.max(...l))),
          EXACT,
          'argmax(a, 1)',
        );
      }),
    );
  });
});
