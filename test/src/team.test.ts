// The helper threads of src/kernels/team.ts: a big product shared between threads must come
// out the same, bit for bit, as one thread computing it, whatever share each thread took.
import { afterAll, describe, expect, it } from 'vitest';
import { createRng, loadMnist, randn, takeRows } from '../../src/index.ts';
import { threadCount } from '../../src/kernels/team.ts';
import { loadWasmKernels } from '../../src/kernels/wasm.ts';

const alone = loadWasmKernels(undefined, () => 1)!;
const team = loadWasmKernels(undefined, () => 2)!;
afterAll(() => team.close());

// the book's shapes, above the size from which products are shared: a batch of real digits
const rng = createRng(5);
const digits = loadMnist({ oneHotLabel: true }).xTrain;
const x = takeRows(digits, rng.choice(digits.shape[0], 100)).data; // (100, 784)
const W1 = randn([784, 50], rng).data;
const delta = randn([100, 50], rng).data;

// until the helper has started, the caller works alone: wait for it, as training would
async function helperReady(): Promise<void> {
  for (let tries = 0; team.threadsReady() < 2; tries++) {
    if (tries > 500) throw new Error('the helper thread did not start within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('products shared between two threads', () => {
  it('x·W1 equals the single thread’s, bit for bit, every time', async () => {
    await helperReady();
    const [one, two] = [new Float64Array(100 * 50), new Float64Array(100 * 50)];
    alone.dot(x, W1, one, 100, 784, 50);
    for (let run = 0; run < 50; run++) {
      two.fill(NaN);
      expect(team.dot(x, W1, two, 100, 784, 50)).toBe(true);
      expect(two).toEqual(one);
    }
  });

  it('xᵀ·δ equals the single thread’s, bit for bit, every time', async () => {
    await helperReady();
    const [one, two] = [new Float64Array(784 * 50), new Float64Array(784 * 50)];
    alone.dotTN(x, delta, one, 100, 784, 50);
    for (let run = 0; run < 50; run++) {
      two.fill(NaN);
      expect(team.dotTN(x, delta, two, 100, 784, 50)).toBe(true);
      expect(two).toEqual(one);
    }
  });

  it('a product too small to share runs on the caller alone and is right', () => {
    const C = new Float64Array(1);
    expect(team.dot(Float64Array.of(2, 3), Float64Array.of(5, 7), C, 1, 2, 1)).toBe(true);
    expect(C[0]).toBe(31);
  });

  it('after the helpers stop, the caller does every row itself', async () => {
    const kernels = loadWasmKernels(undefined, () => 2)!;
    kernels.threadsReady(); // starts the helper
    kernels.close();
    expect(kernels.threadsReady()).toBe(1);
    const [one, two] = [new Float64Array(100 * 50), new Float64Array(100 * 50)];
    alone.dot(x, W1, one, 100, 784, 50);
    kernels.dot(x, W1, two, 100, 784, 50);
    expect(two).toEqual(one);
  });
});

describe('DLFS_THREADS', () => {
  it('sets the thread count; unset, it is the cores, at most 4', () => {
    expect(threadCount({ DLFS_THREADS: '1' })).toBe(1);
    expect(threadCount({ DLFS_THREADS: '3' })).toBe(3);
    const cores = threadCount({});
    expect(cores).toBeGreaterThanOrEqual(1);
    expect(cores).toBeLessThanOrEqual(4);
  });

  it('refuses what is not a whole number of threads, saying what it got', () => {
    for (const bad of ['0', '-2', '1.5', 'two']) {
      expect(() => threadCount({ DLFS_THREADS: bad })).toThrow(
        `DLFS_THREADS must be a whole number of threads, 1 or more; got '${bad}'`,
      );
    }
  });
});
