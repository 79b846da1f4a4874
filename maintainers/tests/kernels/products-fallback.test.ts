// The fast products where the WebAssembly kernels are missing (no SIMD, no binary) or decline
// a product (too big for their memory, which no test can afford to allocate): the JS loops
// compute it, right, and productPaths counts it there. A stand-in replaces the wasm kernels.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { productPaths, useFastKernels } from '../../../kernels/index.ts';
import { loadWasm, useWasmKernels } from '../../../kernels/products.ts';
import type { WasmKernels } from '../../../kernels/wasm.ts';
import { array, dot, dotNT, dotTN, transpose } from '../../../src/index.ts';

const real = loadWasm();
beforeAll(() => useFastKernels());
afterAll(() => useWasmKernels(real));

// kernels that take nothing: each call is recorded, and C is left alone, as the contract says
const asked: string[] = [];
const decline = (op: string) => () => {
  asked.push(op);
  return false;
};
const declining: WasmKernels = {
  dot: decline('dot'),
  dotTN: decline('dotTN'),
  dotNT: decline('dotNT'),
  threadsReady: () => 1,
  counts: () => ({ products: 0, shared: 0 }),
  close: () => {},
};

// A (2, 16), B (16, 16): 512 multiply-adds, enough for wasm. Small integers, so every order
// of summing gives the exact product Σ_p (i + p)(p − j).
const entries = (rows: number, cols: number, f: (i: number, j: number) => number) =>
  Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(i, j)));
const exact = entries(2, 16, (i, j) => {
  let s = 0;
  for (let p = 0; p < 16; p++) s += (i + p) * (p - j);
  return s;
});

describe.each([
  ['missing', null],
  ['declining every product', declining],
])('with the wasm kernels %s', (_, kernels) => {
  beforeEach(() => {
    useWasmKernels(kernels);
    asked.length = 0;
  });

  it('dot, dotTN and dotNT compute on the JS loops and give the exact product', () => {
    const [A, B] = [
      array(entries(2, 16, (i, p) => i + p)),
      array(entries(16, 16, (p, j) => p - j)),
    ];
    const before = productPaths();
    expect(dot(A, B).toArray()).toEqual(exact);
    expect(dotTN(transpose(A), B).toArray()).toEqual(exact);
    expect(dotNT(A, transpose(B)).toArray()).toEqual(exact);
    expect(productPaths()).toEqual({ js: before.js + 3, wasm: 0, shared: 0 });
    expect(asked).toEqual(kernels === null ? [] : ['dot', 'dotTN', 'dotNT']);
  });
});
