// The one switch: useFastKernels() installs every fast kernel into src/backend.ts and
// useFastKernels(false) takes them out again, and the two give the same maths: the products
// to rounding, the activations within a few ulps, the arithmetic bit for bit.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { uninitialized } from '../../../kernels/alloc.ts';
import { arithmetic } from '../../../kernels/elementwise.ts';
import { fastExp } from '../../../kernels/exp.ts';
import { useFastKernels } from '../../../kernels/index.ts';
import { rowDot } from '../../../kernels/js.ts';
import { products } from '../../../kernels/products.ts';
import { fast } from '../../../src/backend.ts';
import {
  NDArray,
  add,
  div,
  dot,
  dotNT,
  dotTN,
  inner,
  mul,
  sigmoid,
  sigmoidGrad,
  softmax,
  sub,
  transpose,
} from '../../../src/index.ts';
import {
  arrayArb,
  denseOrSparseMatrixArb,
  posDimArb,
  realArb,
} from '../../../spec/support/arbitraries.ts';
import { asArray, expectClose, sameBits, type Tolerance } from '../../../spec/support/close.ts';

const EPS = Number.EPSILON;
afterAll(() => useFastKernels(false));

// f computed on src/'s plain loops, then on the kernels
function bothWays<T>(f: () => T): [plain: T, kernels: T] {
  useFastKernels(false);
  const plain = f();
  useFastKernels();
  return [plain, f()];
}

describe('useFastKernels', () => {
  it('installs every kernel into src/backend.ts, and false takes them all out', () => {
    useFastKernels();
    expect(fast).toEqual({
      ...products,
      inner: rowDot,
      exp: fastExp,
      arithmetic,
      alloc: uninitialized,
    });
    useFastKernels(false);
    expect(fast).toEqual({});
    useFastKernels();
    useFastKernels();
    expect(fast.exp).toBe(fastExp);
  });
});

// K up to 40 crosses the JS kernels' 8-way unroll and wasm's zero groups; M·K·N reaches past
// 512, where products.ts sends a product to wasm
const productArb = fc
  .tuple(posDimArb, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 30 }))
  .chain(([m, k, n]) => fc.tuple(denseOrSparseMatrixArb(m, k), denseOrSparseMatrixArb(k, n)));

// Σ|a||b| per entry of a·b: any order of summing errs by at most K·ε times it (Higham, §3.1),
// so two orders differ by at most twice that
function sumOfAbs(a: NDArray, b: NDArray): Tolerance {
  const [m, k] = a.shape;
  const n = b.shape[1];
  const abs = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++)
      for (let p = 0; p < k; p++) abs[i * n + j] += Math.abs(a.get(i, p) * b.get(p, j));
  return { abs: abs.map((s) => 2 * k * EPS * s), rel: 0 };
}

describe('src/ on its plain loops and on the kernels', () => {
  it('dot, dotTN and dotNT agree within 2·K·ε·Σ|a||b|', () => {
    fc.assert(
      fc.property(productArb, ([a, b]) => {
        const tol = sumOfAbs(a, b);
        for (const [what, product] of [
          ['dot(a, b)', () => dot(a, b)],
          ['dotTN(aᵀ, b)', () => dotTN(transpose(a), b)],
          ['dotNT(a, bᵀ)', () => dotNT(a, transpose(b))],
        ] as const) {
          const [plain, kernels] = bothWays(product);
          expectClose(asArray(kernels, plain.shape, what), plain, tol, what);
        }
      }),
    );
  });

  it('a matrix times a vector and inner agree within 2·K·ε·Σ|a||b|', () => {
    fc.assert(
      fc.property(productArb, ([a, b]) => {
        const v = new NDArray(b.data.slice(0, b.shape[0]), [b.shape[0]]);
        const column = new NDArray(v.data, [v.size, 1]);
        const [plain, kernels] = bothWays(() => dot(a, v));
        expectClose(
          asArray(kernels, plain.shape, 'dot(a, v)'),
          plain,
          sumOfAbs(a, column),
          'dot(a, v)',
        );
        const [p, q] = bothWays(() => inner(v, v));
        expectClose(q, p, sumOfAbs(new NDArray(v.data, [1, v.size]), column), 'inner(v, v)');
      }),
    );
  });

  it('sigmoid and softmax agree within a few ulps, sigmoidGrad within 4ε', () => {
    // |x| ≤ 40: the activations' useful range, where neither eˣ over- nor underflows to 0 in s
    const xArb = fc
      .tuple(posDimArb, posDimArb)
      .chain(([n, k]) => arrayArb([n, k], realArb(-40, 40)));
    fc.assert(
      fc.property(xArb, (x) => {
        const k = x.shape[1];
        const [s0, s1] = bothWays(() => sigmoid(x));
        // eˣ within 1 ulp, then one addition and one division: 3 roundings of each side
        expectClose(
          asArray(s1, s0.shape, 'sigmoid(x)'),
          s0,
          { abs: s0.data.map((v) => 4 * EPS * v), rel: 0 },
          'sigmoid(x)',
        );
        // s differs by a few ε absolute, and |d/ds (1 − s)·s| ≤ 1
        const [g0, g1] = bothWays(() => sigmoidGrad(x));
        expectClose(
          asArray(g1, g0.shape, 'sigmoidGrad(x)'),
          g0,
          { abs: 4 * EPS, rel: 0 },
          'sigmoidGrad(x)',
        );
        // each eˣ within 1 ulp, the row's sum K more roundings, one division
        const [y0, y1] = bothWays(() => softmax(x));
        const tol = { abs: y0.data.map((v) => (2 * k + 4) * EPS * v), rel: 0 };
        expectClose(asArray(y1, y0.shape, 'softmax(x)'), y0, tol, 'softmax(x)');
      }),
    );
  });

  it('add, sub, mul and div agree bit for bit', () => {
    const pairArb = fc
      .tuple(posDimArb, posDimArb)
      .chain(([n, k]) => fc.tuple(arrayArb([n, k]), fc.oneof(arrayArb([n, k]), arrayArb([k]))));
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        for (const op of [add, sub, mul, div]) {
          const [plain, kernels] = bothWays(() => op(a, b));
          expect(sameBits(kernels.data, plain.data)).toBe(true);
        }
      }),
    );
  });
});
