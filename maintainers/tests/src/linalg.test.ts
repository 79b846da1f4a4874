import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NDArray,
  copy,
  dot,
  dotNT,
  dotTN,
  inner,
  reshape,
  transpose,
  zeros,
} from '../../../src/index.ts';
import { denseOrSparseMatrixArb, dimArb } from '../../../spec/support/arbitraries.ts';
import { asArray, expectClose, sameBits } from '../../../spec/support/close.ts';

// Any order of summing K products errs by at most K·ε·Σ_k |a_k||b_k| (Higham, §3.1), which
// bounds both the kernel and the naive loop; twice that bounds their difference.
const EPS = Number.EPSILON;

// the naive triple loop, with its own error bound per output element
function naive(a: NDArray, b: NDArray): { value: NDArray; tol: Float64Array } {
  const [m, k] = a.shape;
  const n = b.shape[1];
  const value = zeros([m, n]);
  const tol = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let [s, abs] = [0, 0];
      for (let p = 0; p < k; p++) {
        s += a.get(i, p) * b.get(p, j);
        abs += Math.abs(a.get(i, p) * b.get(p, j));
      }
      value.data[i * n + j] = s;
      tol[i * n + j] = 2 * k * EPS * abs;
    }
  }
  return { value, tol };
}

// M, N in 0..6, so empty products and 1-wide edges come up often; K in 0..24 crosses the
// kernels' 8-way unroll up to three times with every remainder
const innerDimArb = fc.integer({ min: 0, max: 24 });
const productArb = fc
  .tuple(dimArb, innerDimArb, dimArb)
  .chain(([m, k, n]) => fc.tuple(denseOrSparseMatrixArb(m, k), denseOrSparseMatrixArb(k, n)));

describe('dot', () => {
  it('(M, K)·(K, N) equals the naive triple loop, dense or sparse', () => {
    fc.assert(
      fc.property(productArb, ([a, b]) => {
        const { value, tol } = naive(a, b);
        const got = asArray(dot(a, b), value.shape, 'dot(a, b)');
        expectClose(got, value, { abs: tol, rel: 0 }, 'dot(a, b)');
      }),
    );
  });

  it('dotTN(a, b) = aᵀ·b and dotNT(a, b) = a·bᵀ', () => {
    fc.assert(
      fc.property(productArb, ([a, b]) => {
        const { value, tol } = naive(a, b);
        const tn = asArray(dotTN(transpose(a), b), value.shape, 'dotTN(aᵀ, b)');
        expectClose(tn, value, { abs: tol, rel: 0 }, 'dotTN(aᵀ, b)');
        const nt = asArray(dotNT(a, transpose(b)), value.shape, 'dotNT(a, bᵀ)');
        expectClose(nt, value, { abs: tol, rel: 0 }, 'dotNT(a, bᵀ)');
      }),
    );
  });

  it('treats vectors as numpy does: (M, K)·(K) → (M), (K)·(K, N) → (N), (K)·(K) → ()', () => {
    fc.assert(
      fc.property(productArb, ([a, b]) => {
        const [m, k] = a.shape;
        const n = b.shape[1];
        if (m === 0 || n === 0) return;
        const v = new NDArray(
          b.data.filter((_, i) => i % n === 0),
          [k],
        ); // b[:, 0]
        const row = new NDArray(a.data.slice(0, k), [k]); // a[0]
        const { value, tol } = naive(a, b);
        const col = naive(a, reshape(v, [k, 1]));
        expectClose(dot(a, v), col.value.data, { abs: col.tol, rel: 0 }, 'dot(a, v)');
        const first = { abs: tol.slice(0, n), rel: 0 };
        expectClose(dot(row, b), value.data.slice(0, n), first, 'dot(a[0], b)');
        const d = dot(row, v);
        expect(d.shape).toEqual([]);
        expectClose(d, value.data[0], { abs: tol[0], rel: 0 }, 'dot(a[0], v)');
        expectClose(inner(row, v), value.data[0], { abs: tol[0], rel: 0 }, 'inner(a[0], v)');
      }),
    );
  });

  it('writes into out when given, and leaves the inputs untouched', () => {
    fc.assert(
      fc.property(productArb, ([a, b]) => {
        const [a0, b0] = [copy(a), copy(b)];
        const out = zeros([a.shape[0], b.shape[1]]).data.fill(NaN);
        const o = new NDArray(out, [a.shape[0], b.shape[1]]);
        expect(dot(a, b, o)).toBe(o);
        expect(sameBits(o.data, dot(a, b).data)).toBe(true);
        return sameBits(a.data, a0.data) && sameBits(b.data, b0.data);
      }),
    );
  });

  it('rejects mismatched shapes and a wrong or aliased out, naming the shapes', () => {
    const [a, b] = [zeros([2, 3]), zeros([4, 5])];
    expect(() => dot(a, b)).toThrow('dot: shapes (2, 3) and (4, 5) do not align');
    expect(() => dotTN(a, b)).toThrow('dotTN: shapes (2, 3) and (4, 5) do not align');
    expect(() => dotNT(a, b)).toThrow('dotNT: shapes (2, 3) and (4, 5) do not align');
    expect(() => dot(a, zeros([3, 2]), zeros([3, 3]))).toThrow(
      'dot: out has shape (3, 3) but the result is (2, 2)',
    );
    const sq = zeros([2, 2]);
    expect(() => dot(sq, zeros([2, 2]), sq)).toThrow(/must not share memory/);
  });

  it('dot and dotTN skip zeros of the left operand: 0·∞ and −0·NaN add nothing', () => {
    // (1, 3)·(3, 2): the zeros meet ∞ and NaN in rows 0 and 1 of b
    const a = new NDArray(Float64Array.of(0, -0, 2), [1, 3]);
    const b = new NDArray(Float64Array.of(Infinity, Infinity, NaN, NaN, 1, 3), [3, 2]);
    expect(dot(a, b).toArray()).toEqual([[2, 6]]);
    expect(dotTN(transpose(a), b).toArray()).toEqual([[2, 6]]);
  });

  it('on a worked example: [[1, 2], [3, 4]]·[[5], [6]] = [[17], [39]]', () => {
    const x = new NDArray(Float64Array.of(1, 2, 3, 4), [2, 2]);
    const w = new NDArray(Float64Array.of(5, 6), [2, 1]);
    expect(dot(x, w).toArray()).toEqual([[17], [39]]);
  });
});
