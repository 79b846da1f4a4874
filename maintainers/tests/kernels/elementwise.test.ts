// With the kernels on, add, sub, mul and div run a loop per layout and the activations take eˣ
// from fastExp: the same bits as the general path and as the formula with fastExp, which is
// what every grade and training run computes.
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addLoops,
  divLoops,
  mulLoops,
  subLoops,
  type BinaryLoops,
} from '../../../kernels/elementwise.ts';
import { fastExp } from '../../../kernels/exp.ts';
import { useFastKernels } from '../../../kernels/index.ts';
import {
  NDArray,
  add,
  div,
  elementwise,
  map,
  mul,
  sigmoid,
  sigmoidGrad,
  softmax,
  sub,
  zeros,
} from '../../../src/index.ts';
import { arrayArb, dimArb, realArb } from '../../../spec/support/arbitraries.ts';
import { sameBits } from '../../../spec/support/close.ts';

beforeAll(() => useFastKernels());

// every double, NaN, ±∞, −0 and subnormals included: the fast loops must agree with the
// general path on the corner cases too, not only on well-conditioned values
const anyDoubleArb = fc.oneof(realArb(-10, 10), fc.double());

const ops: [
  string,
  (a: NDArray | number, b: NDArray | number) => NDArray,
  (x: number, y: number) => number,
][] = [
  ['add', add, (x, y) => x + y],
  ['sub', sub, (x, y) => x - y],
  ['mul', mul, (x, y) => x * y],
  ['div', div, (x, y) => x / y],
];

// the layouts with a loop of their own, and one that takes the general path
const layoutArb = fc
  .tuple(dimArb, dimArb)
  .chain(([n, k]) =>
    fc.oneof(
      fc.tuple(arrayArb([n, k], anyDoubleArb), arrayArb([n, k], anyDoubleArb)),
      fc.tuple(arrayArb([n, k], anyDoubleArb), arrayArb([k], anyDoubleArb)),
      fc.tuple(arrayArb([k], anyDoubleArb), arrayArb([n, k], anyDoubleArb)),
      fc.tuple(arrayArb([n, k], anyDoubleArb), anyDoubleArb),
      fc.tuple(anyDoubleArb, arrayArb([n, k], anyDoubleArb)),
      fc.tuple(arrayArb([n, 1], anyDoubleArb), arrayArb([k], anyDoubleArb)),
    ),
  );

describe('the loops of add, sub, mul and div', () => {
  it('equal the general broadcasting path bit for bit, for every layout and every double', () => {
    fc.assert(
      fc.property(layoutArb, ([a, b]) => {
        for (const [name, op, f] of ops) {
          const [got, want] = [op(a, b), elementwise(a, b, f, name)];
          expect(got.shape).toEqual(want.shape);
          expect(sameBits(got.data, want.data)).toBe(true);
        }
      }),
    );
  });

  it('leave their inputs unchanged', () => {
    fc.assert(
      fc.property(layoutArb, ([a, b]) => {
        const before = [a, b].map((v) => (typeof v === 'number' ? v : v.data.slice()));
        for (const [, op] of ops) op(a, b);
        [a, b].forEach((v, i) => {
          if (typeof v !== 'number') expect(sameBits(v.data, before[i] as Float64Array)).toBe(true);
        });
      }),
    );
  });
});

describe('which loop runs', () => {
  // white-box on purpose: every value test passes on the general path too, only slower
  // (docs/KERNELS.md), so only this notices a layout losing its loop
  afterEach(() => vi.restoreAllMocks());
  // operands as shapes (a number for a scalar): arrays made while the file loads would make
  // Stryker count their code as run by no test
  type Operand = number[] | number;
  const cases: [string, keyof BinaryLoops, Operand, Operand][] = [
    ['x − t, one shape', 'same', [4, 3], [4, 3]],
    ['x·W + b, a row down a matrix', 'rowRight', [4, 3], [3]],
    ['b + x·W, the row on the left', 'rowLeft', [3], [4, 3]],
    ['dy / N, a number on the right', 'scalarRight', [4, 3], 4],
    ['1 − s, a number on the left', 'scalarLeft', 1, [4, 3]],
  ];
  const make = (v: Operand) => (typeof v === 'number' ? v : zeros(v));
  it.each(cases)('%s runs the %s loop of each operator', (_, loop, a, b) => {
    const [x, y] = [make(a), make(b)];
    for (const [loops, op] of [
      [addLoops, add],
      [subLoops, sub],
      [mulLoops, mul],
      [divLoops, div],
    ] as const) {
      const spy = vi.spyOn(loops, loop);
      op(x, y);
      expect(spy).toHaveBeenCalledTimes(1);
    }
  });

  it('a broadcast outside those layouts takes the general path', () => {
    const spies = (['same', 'rowRight', 'rowLeft', 'scalarRight', 'scalarLeft'] as const).map(
      (loop) => vi.spyOn(addLoops, loop),
    );
    add(zeros([4, 1]), zeros([3]));
    add(2, 3);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe('the activations', () => {
  const anyArrayArb = fc.tuple(dimArb, dimArb).chain(([n, k]) => arrayArb([n, k], anyDoubleArb));

  it('sigmoid and sigmoidGrad equal map of their formula with fastExp, bit for bit', () => {
    // fastExp is within 1 ulp of Math.exp (exp.test.ts)
    const sig = (v: number) => 1 / (1 + fastExp(-v));
    fc.assert(
      fc.property(anyArrayArb, (x) => {
        for (const [got, f] of [
          [sigmoid(x), sig],
          [sigmoidGrad(x), (v: number) => (1 - sig(v)) * sig(v)],
        ] as const) {
          expect(sameBits(got.data, map(x, f).data)).toBe(true);
        }
      }),
    );
  });

  it('softmax equals the row-by-row loop of the book with fastExp, bit for bit', () => {
    fc.assert(
      fc.property(anyArrayArb, (x) => {
        const k = x.shape[1];
        const want = new Float64Array(x.size);
        for (let r = 0; r < x.size; r += k) {
          const row = Array.from(x.data.subarray(r, r + k));
          const m = Math.max(-Infinity, ...row);
          const e = row.map((v) => fastExp(v - m));
          let total = 0;
          for (const v of e) total += v;
          e.forEach((v, j) => (want[r + j] = v / total));
        }
        expect(sameBits(softmax(x).data, want)).toBe(true);
      }),
    );
  });
});
