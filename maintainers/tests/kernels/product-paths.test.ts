// Which path computes a product. The JS loops, the wasm kernels and a product shared between
// threads give the same values (to rounding, or bit for bit), so no value shows a product sent
// down the slow path: only productPaths' counts do. Sending every product to the JS loops, or
// never sharing the accuracy passes, costs speed alone (docs/KERNELS.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productPaths, useFastKernels } from '../../../kernels/index.ts';
import { loadWasmKernels, type WasmKernels } from '../../../kernels/wasm.ts';
import { NDArray, dot, dotNT, dotTN, full } from '../../../src/index.ts';

beforeAll(() => useFastKernels());

type Counts = { js: number; wasm: number; shared: number };

// the paths `product` took: the change in productPaths() across it
function pathsOf(product: () => unknown): Counts {
  const before = productPaths();
  product();
  const after = productPaths();
  return {
    js: after.js - before.js,
    wasm: after.wasm - before.wasm,
    shared: after.shared - before.shared,
  };
}

const ones = (shape: number[]) => full(shape, 1);
const [JS, WASM] = [
  { js: 1, wasm: 0, shared: 0 },
  { js: 0, wasm: 1, shared: 0 },
];

// each public product on operands for m·k·n multiply-adds, in its own layout
const products: [string, (m: number, k: number, n: number) => NDArray][] = [
  ['dot', (m, k, n) => dot(ones([m, k]), ones([k, n]))],
  ['dotTN', (m, k, n) => dotTN(ones([k, m]), ones([k, n]))],
  ['dotNT', (m, k, n) => dotNT(ones([m, k]), ones([n, k]))],
];

describe('a product goes to wasm from 512 multiply-adds (WASM_MIN_WORK), else to JS', () => {
  // 512, and 511 = 7·73, in shapes that put the work in each factor in turn
  const atLeast512 = [
    [8, 8, 8],
    [512, 1, 1],
    [1, 512, 1],
    [1, 1, 512],
    [3, 300, 7],
  ];
  const below512 = [
    [7, 73, 1],
    [73, 1, 7],
    [1, 7, 73],
    [511, 1, 1],
    [0, 600, 600],
  ];

  it.each(products)('%s: wasm at 512 and above, JS below', (_, product) => {
    for (const [m, k, n] of atLeast512) {
      const paths = pathsOf(() => product(m, k, n));
      expect(paths, `${m}·${k}·${n}`).toEqual(WASM);
    }
    for (const [m, k, n] of below512) {
      const paths = pathsOf(() => product(m, k, n));
      expect(paths, `${m}·${k}·${n}`).toEqual(JS);
    }
  });

  it('a matrix times a vector is an inner product per row, on no product path, at any size', () => {
    const none = { js: 0, wasm: 0, shared: 0 };
    expect(pathsOf(() => dot(ones([100, 784]), ones([784])))).toEqual(none);
    expect(pathsOf(() => dot(ones([784]), ones([784])))).toEqual(none);
  });

  it('a vector times a matrix is the matrix product of one row, so it follows the rule', () => {
    expect(pathsOf(() => dot(ones([784]), ones([784, 50])))).toEqual(WASM);
    expect(pathsOf(() => dot(ones([7]), ones([7, 73])))).toEqual(JS);
  });
});

describe('the wasm kernels share a product from 2^24 multiply-adds (PARALLEL_MIN_WORK)', () => {
  const alone = loadWasmKernels(undefined, () => 1)!;
  const two = loadWasmKernels(undefined, () => 2)!;
  afterAll(() => two.close());

  // until a helper has started (or while the machine is busy, team.ts) a product runs alone:
  // wait for it, as training would
  async function helperReady(kernels: WasmKernels): Promise<void> {
    for (let tries = 0; kernels.threadsReady() < 2; tries++) {
      if (tries > 500) throw new Error('the helper thread was not ready within 5 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  // each kernel on operands for m·k·n multiply-adds
  const one = (length: number) => new Float64Array(length).fill(1);
  const kernelCalls: [string, (w: WasmKernels, m: number, k: number, n: number) => boolean][] = [
    ['dot', (w, m, k, n) => w.dot(one(m * k), one(k * n), new Float64Array(m * n), m, k, n)],
    ['dotTN', (w, m, k, n) => w.dotTN(one(k * m), one(k * n), new Float64Array(m * n), k, m, n)],
    ['dotNT', (w, m, k, n) => w.dotNT(one(m * k), one(n * k), new Float64Array(m * n), m, k, n)],
  ];
  // 1 if the product `call` makes was shared between threads, else 0 (the change in counts())
  const sharedBy = (w: WasmKernels, call: () => boolean) => {
    const before = w.counts();
    expect(call()).toBe(true);
    const after = w.counts();
    expect(after.products - before.products).toBe(1);
    return after.shared - before.shared;
  };

  // 2^24 = 256³, and 2^24 − 1 = 255·273·241
  it.each(kernelCalls)('%s: shared at 256·256·256, alone at 255·273·241', async (_, call) => {
    await helperReady(two);
    expect(sharedBy(two, () => call(two, 256, 256, 256))).toBe(1);
    await helperReady(two);
    expect(sharedBy(two, () => call(two, 255, 273, 241))).toBe(0);
    expect(sharedBy(two, () => call(two, 16, 16, 16))).toBe(0);
  });

  it.each(kernelCalls)('%s: never shared with one thread, however big', (_, call) => {
    expect(sharedBy(alone, () => call(alone, 256, 256, 256))).toBe(0);
    expect(alone.threadsReady()).toBe(1);
  });
});
