import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFastKernels } from '../../../kernels/index.ts';
import { jsDot, jsDotNT, jsDotTN } from '../../../kernels/js.ts';
import { loadWasm } from '../../../kernels/products.ts';
import { loadWasmKernels } from '../../../kernels/wasm.ts';
import { NDArray, dot, dotNT, dotTN, transpose } from '../../../src/index.ts';
import { arrayArb, sparseRealArb } from '../../../spec/support/arbitraries.ts';
import { expectClose } from '../../../spec/support/close.ts';

// Any order of summing K products errs by at most K·ε·Σ_k |a_k||b_k| (Higham, §3.1). The JS
// loops, the wasm kernels and the naive loop each sum in their own order, so any two of them
// differ by at most twice that.
const EPS = Number.EPSILON;
const EXACT = { abs: 0, rel: 0 }; // sums of equal terms: exact in any order

// A·B by the naive loop, with the bound above per element. A (m, k), B (k, n), row-major.
function naive(A: Float64Array, B: Float64Array, m: number, k: number, n: number) {
  const value = new Float64Array(m * n);
  const tol = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let [s, abs] = [0, 0];
      for (let p = 0; p < k; p++) {
        s += A[i * k + p] * B[p * n + j];
        abs += Math.abs(A[i * k + p] * B[p * n + j]);
      }
      value[i * n + j] = s;
      tol[i * n + j] = 2 * k * EPS * abs;
    }
  }
  return { value, tol: { abs: tol, rel: 0 } };
}

// K up to 40 crosses the kernels' 8-entry zero groups with every remainder; N up to 37 reaches
// the 16-, 8- and 2-column blocks and the odd last column; M ≤ 4 keeps a case fast
const shapeArb = fc.tuple(
  fc.integer({ min: 0, max: 4 }),
  fc.integer({ min: 0, max: 40 }),
  fc.integer({ min: 0, max: 37 }),
);
const productArb = shapeArb.chain(([m, k, n]) =>
  fc.tuple(arrayArb([m, k], sparseRealArb), arrayArb([k, n]), fc.constant([m, k, n])),
);

const kernels = loadWasm()!;
beforeAll(() => useFastKernels()); // dot, dotTN and dotNT on these kernels

describe('the WebAssembly SIMD kernels', () => {
  it('load on every Node this kit supports (≥ 20.19 has WebAssembly SIMD), once', () => {
    expect(loadWasm()).not.toBeNull();
    expect(loadWasm()).toBe(kernels); // one memory and one team, however often asked
  });

  it('dot, dotTN and dotNT equal the naive loop within 2·K·ε·Σ|a||b|, as the JS loops do', () => {
    fc.assert(
      fc.property(productArb, ([a, b, [m, k, n]]) => {
        const { value, tol } = naive(a.data, b.data, m, k, n);
        const [aT, bT] = [transpose(a).data, transpose(b).data];
        for (const [kernel, A, B] of [
          [kernels.dot, a.data, b.data],
          [jsDot, a.data, b.data],
          [kernels.dotNT, a.data, bT],
          [jsDotNT, a.data, bT],
        ] as const) {
          const C = new Float64Array(m * n).fill(NaN); // every element must be written
          kernel(A, B, C, m, k, n);
          expectClose(C, value, tol, `${kernel.name} (${m}, ${k})·(${k}, ${n})`);
        }
        for (const kernel of [kernels.dotTN, jsDotTN]) {
          const C = new Float64Array(m * n).fill(NaN);
          kernel(aT, b.data, C, k, m, n);
          expectClose(C, value, tol, `${kernel.name} (${k}, ${m})ᵀ·(${k}, ${n})`);
        }
      }),
    );
  });

  it('read nothing an earlier call left: in any sequence of products, each is right', () => {
    // every call copies its operands into the same memory: none may read what the last left
    const callArb = fc.tuple(fc.constantFrom('dot', 'dotTN', 'dotNT'), productArb);
    fc.assert(
      fc.property(fc.array(callArb, { minLength: 2, maxLength: 4 }), (calls) => {
        for (const [op, [a, b, [m, k, n]]] of calls) {
          const { value, tol } = naive(a.data, b.data, m, k, n);
          const C = new Float64Array(m * n).fill(NaN);
          if (op === 'dot') kernels.dot(a.data, b.data, C, m, k, n);
          if (op === 'dotTN') kernels.dotTN(transpose(a).data, b.data, C, k, m, n);
          if (op === 'dotNT') kernels.dotNT(a.data, transpose(b).data, C, m, k, n);
          expectClose(C, value, tol, `${op} of (${m}, ${k}) and (${k}, ${n})`);
        }
      }),
    );
  });

  it('agree with the JS loops on a batch of the book’s shapes: (100, 784)·(784, 50)', () => {
    // MNIST-like: 80% zeros, the rest in [0, 1); weights N(0, 1)-like in [−3, 3]
    const x = Float64Array.from({ length: 100 * 784 }, (_, i) =>
      (i * 7919) % 5 === 0 ? ((i * 104729) % 1000) / 1000 : 0,
    );
    const w = Float64Array.from(
      { length: 784 * 50 },
      (_, i) => (((i * 15485863) % 6001) - 3000) / 1000,
    );
    const { value, tol } = naive(x, w, 100, 784, 50);
    const [viaWasm, viaJs] = [new Float64Array(5000), new Float64Array(5000)];
    kernels.dot(x, w, viaWasm, 100, 784, 50);
    jsDot(x, w, viaJs, 100, 784, 50);
    expectClose(viaWasm, viaJs, tol, 'wasm dot against jsDot');
    expectClose(viaWasm, value, tol, 'wasm dot');
    // the public dot picks wasm at this size and gives the same
    const viaDot = dot(new NDArray(x, [100, 784]), new NDArray(w, [784, 50]));
    expectClose(viaDot, value, tol, 'dot');
  });

  it('skip zeros of the left operand like the JS loops: 0·∞ and −0·NaN contribute 0', () => {
    const a = Float64Array.of(0, -0, 1, 0, 0, 0, 0, 0, 0, 2); // (1, 10): one 8-entry group, then 2
    const b = new Float64Array(10 * 3).fill(1);
    b.fill(Infinity, 0, 3); // row 0
    b.fill(NaN, 3, 6); // row 1
    const expected = [3, 3, 3]; // 1·1 + 2·1
    for (const kernel of [kernels.dot, jsDot]) {
      const C = new Float64Array(3);
      kernel(a, b, C, 1, 10, 3);
      expect(Array.from(C)).toEqual(expected);
    }
    const C = new Float64Array(3);
    kernels.dotTN(a, b, C, 10, 1, 3); // a as a (10, 1) column
    expect(Array.from(C)).toEqual(expected);
  });

  it('keep no state between calls: a large product, then a small one, then the large again', () => {
    const big = naive(
      new Float64Array(300 * 784).fill(0.5),
      new Float64Array(784 * 50).fill(2),
      300,
      784,
      50,
    );
    const C = new Float64Array(300 * 50);
    for (const [m, k, n] of [
      [300, 784, 50],
      [2, 3, 1],
      [300, 784, 50],
    ]) {
      const A = new Float64Array(m * k).fill(0.5);
      const B = new Float64Array(k * n).fill(2);
      const out = C.subarray(0, m * n);
      kernels.dot(A, B, out, m, k, n);
      const want = m === 300 ? big.value : new Float64Array(m * n).fill(k);
      expectClose(out, want, EXACT, `dot (${m}, ${k})·(${k}, ${n})`);
    }
    const viaTN = dotTN(
      new NDArray(new Float64Array(784 * 300).fill(0.5), [784, 300]),
      new NDArray(new Float64Array(784 * 50).fill(2), [784, 50]),
    );
    expectClose(viaTN, big.value, EXACT, 'dotTN after them');
    const viaNT = dotNT(
      new NDArray(new Float64Array(300 * 784).fill(0.5), [300, 784]),
      new NDArray(new Float64Array(50 * 784).fill(2), [50, 784]),
    );
    expectClose(viaNT, big.value, EXACT, 'dotNT after them');
  });

  it('decline a product too large for their memory, leaving C to the JS loops', () => {
    const C = Float64Array.of(7);
    const none = new Float64Array(0);
    // 20000² entries of A would need 3.2 GB (dot, dotNT) or 4.8 GB with the column lists
    // (dotTN); the check comes before any copy
    expect(kernels.dotTN(none, none, C, 20000, 20000, 0)).toBe(false);
    expect(kernels.dot(none, none, C, 20000, 20000, 0)).toBe(false);
    expect(kernels.dotNT(none, none, C, 20000, 20000, 0)).toBe(false);
    expect(C[0]).toBe(7);
  });
});

describe('loading the kernels', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'dlfs-wasm-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('gives null, so products.ts uses the JS loops, when matmul.wasm is missing', () => {
    expect(loadWasmKernels(path.join(tmp, 'matmul.wasm'))).toBeNull();
  });

  it('gives null when the bytes do not compile, as they would not without SIMD', () => {
    const bad = path.join(tmp, 'bad.wasm');
    writeFileSync(bad, Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0xff)); // the magic, then garbage
    expect(loadWasmKernels(bad)).toBeNull();
  });

  it('loads the committed binary by default, and the kernels it gives multiply', () => {
    const C = new Float64Array(1);
    expect(loadWasmKernels()?.dot(Float64Array.of(2, 3), Float64Array.of(5, 7), C, 1, 2, 1)).toBe(
      true,
    );
    expect(C[0]).toBe(31); // 2·5 + 3·7
  });
});
