// The helper threads of kernels/team.ts: a big product shared between threads must come
// out the same, bit for bit, as one thread computing it, whatever share each thread took.
// team-helpers.test.ts drives a Team directly, to make a helper fail, vanish or run late.
import os from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng, randn } from '../../../src/index.ts';
import { threadCount } from '../../../kernels/team.ts';
import { loadWasmKernels } from '../../../kernels/wasm.ts';
import { ROWS, bookOperands } from './book-operands.ts';

const alone = loadWasmKernels(undefined, () => 1)!;
const team = loadWasmKernels(undefined, () => 2)!;
afterAll(() => team.close());

// the first index where two results differ in their bits, or −1 (toEqual is slow on 50,000)
const firstDifference = (a: Float64Array, b: Float64Array) =>
  a.findIndex((v, i) => !Object.is(v, b[i]));

// until the helper has started, the caller works alone: wait for it, as training would
async function helperReady(kernels = team): Promise<void> {
  for (let tries = 0; kernels.threadsReady() < 2; tries++) {
    if (tries > 500) throw new Error('the helper thread did not start within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('products shared between two threads', () => {
  it('x·W1 equals the single thread’s, bit for bit, every time', async () => {
    const { x, W1 } = bookOperands();
    await helperReady();
    const [one, two] = [new Float64Array(ROWS * 50), new Float64Array(ROWS * 50)];
    alone.dot(x, W1, one, ROWS, 784, 50);
    const { shared } = team.counts();
    for (let run = 0; run < 50; run++) {
      two.fill(NaN);
      expect(team.dot(x, W1, two, ROWS, 784, 50)).toBe(true);
      expect(firstDifference(two, one)).toBe(-1);
    }
    // the first, at least, was shared; a busy machine may keep later ones on one thread
    expect(team.counts().shared).toBeGreaterThan(shared);
  });

  it('xᵀ·δ equals the single thread’s, bit for bit, every time', async () => {
    const { x, delta } = bookOperands();
    await helperReady();
    const [one, two] = [new Float64Array(784 * 50), new Float64Array(784 * 50)];
    alone.dotTN(x, delta, one, ROWS, 784, 50);
    const { shared } = team.counts();
    for (let run = 0; run < 50; run++) {
      two.fill(NaN);
      expect(team.dotTN(x, delta, two, ROWS, 784, 50)).toBe(true);
      expect(firstDifference(two, one)).toBe(-1);
    }
    expect(team.counts().shared).toBeGreaterThan(shared);
  });

  it('a dense product of random numbers equals the single thread’s, bit for bit', async () => {
    // every entry nonzero: MNIST's blank borders leave some rows of W1 unread, which could hide
    // a thread working in the wrong scratch memory
    const rng = createRng(7);
    const [m, k, n] = [256, 256, 256]; // 2^24 multiply-adds: shared
    const [A, B] = [randn([m, k], rng).data, randn([k, n], rng).data];
    for (const op of ['dot', 'dotNT'] as const) {
      const [one, two] = [new Float64Array(m * n), new Float64Array(m * n).fill(NaN)];
      alone[op](A, B, one, m, k, n);
      await helperReady();
      const { shared } = team.counts();
      expect(team[op](A, B, two, m, k, n)).toBe(true);
      expect(team.counts().shared, op).toBe(shared + 1);
      expect(firstDifference(two, one), op).toBe(-1);
    }
  });

  it('a fresh set of kernels works alone until its one helper has started', async () => {
    const kernels = loadWasmKernels(undefined, () => 2)!;
    expect(kernels.threadsReady()).toBe(1); // the helper starts in the background
    await helperReady(kernels);
    // and two threads, the caller and one helper, is all it ever has
    for (let look = 0; look < 20; look++) {
      expect(kernels.threadsReady()).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    kernels.close();
  });

  it('one thread means no helpers, ever, and nothing for close() to stop', () => {
    const { x, W1 } = bookOperands();
    alone.dot(x, W1, new Float64Array(ROWS * 50), ROWS, 784, 50);
    expect(alone.threadsReady()).toBe(1);
    alone.close();
    const C = new Float64Array(1);
    expect(alone.dot(Float64Array.of(2, 3), Float64Array.of(5, 7), C, 1, 2, 1)).toBe(true);
    expect(C[0]).toBe(31);
  });

  it('a product too small to share runs on the caller alone and is right', () => {
    const C = new Float64Array(1);
    expect(team.dot(Float64Array.of(2, 3), Float64Array.of(5, 7), C, 1, 2, 1)).toBe(true);
    expect(C[0]).toBe(31);
  });

  it('may be closed before any product, which then runs alone', () => {
    const kernels = loadWasmKernels(undefined, () => 2)!;
    kernels.close();
    expect(kernels.threadsReady()).toBe(1);
    const C = new Float64Array(1);
    expect(kernels.dot(Float64Array.of(2, 3), Float64Array.of(5, 7), C, 1, 2, 1)).toBe(true);
    expect(C[0]).toBe(31);
  });

  it('after the helpers stop, the caller does every row itself', async () => {
    const { x, W1 } = bookOperands();
    const kernels = loadWasmKernels(undefined, () => 2)!;
    await helperReady(kernels);
    kernels.close();
    expect(kernels.threadsReady()).toBe(1);
    const [one, two] = [new Float64Array(ROWS * 50), new Float64Array(ROWS * 50)];
    alone.dot(x, W1, one, ROWS, 784, 50);
    kernels.dot(x, W1, two, ROWS, 784, 50);
    expect(firstDifference(two, one)).toBe(-1);
    expect(kernels.counts()).toEqual({ products: 1, shared: 0 });
  });
});

describe('DLFS_THREADS', () => {
  it('sets the thread count; unset, it is the cores, at most 4', () => {
    expect(threadCount({ DLFS_THREADS: '1' })).toBe(1);
    expect(threadCount({ DLFS_THREADS: '3' })).toBe(3);
    const cores = Math.min(os.availableParallelism(), 4);
    expect(threadCount({})).toBe(cores);
    expect(threadCount({ DLFS_THREADS: '' })).toBe(cores); // set but empty: unset
  });

  it('refuses what is not a whole number of threads, saying what it got', () => {
    for (const bad of ['0', '-2', '1.5', 'two']) {
      expect(() => threadCount({ DLFS_THREADS: bad })).toThrow(
        `DLFS_THREADS must be a whole number of threads, 1 or more; got '${bad}'`,
      );
    }
  });
});
