// The helper threads of src/kernels/team.ts: a big product shared between threads must come
// out the same, bit for bit, as one thread computing it, whatever share each thread took.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng, loadMnist, randn, takeRows } from '../../src/index.ts';
import { MATMUL_WASM } from '../../src/kernels/build.ts';
import { Team, threadCount, type Job } from '../../src/kernels/team.ts';
import { loadWasmKernels } from '../../src/kernels/wasm.ts';

const alone = loadWasmKernels(undefined, () => 1)!;
const team = loadWasmKernels(undefined, () => 2)!;
afterAll(() => {
  team.close();
  alone.close(); // no helpers to stop: nothing happens
});

// the book's shapes for 1000 real digits, above the size from which products are shared
const ROWS = 1000;
const rng = createRng(5);
const digits = loadMnist({ oneHotLabel: true }).xTrain;
const x = takeRows(digits, rng.choice(digits.shape[0], ROWS)).data; // (ROWS, 784)
const W1 = randn([784, 50], rng).data;
const delta = randn([ROWS, 50], rng).data;

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
    await helperReady();
    const [one, two] = [new Float64Array(ROWS * 50), new Float64Array(ROWS * 50)];
    alone.dot(x, W1, one, ROWS, 784, 50);
    for (let run = 0; run < 50; run++) {
      two.fill(NaN);
      expect(team.dot(x, W1, two, ROWS, 784, 50)).toBe(true);
      expect(firstDifference(two, one)).toBe(-1);
    }
  });

  it('xᵀ·δ equals the single thread’s, bit for bit, every time', async () => {
    await helperReady();
    const [one, two] = [new Float64Array(784 * 50), new Float64Array(784 * 50)];
    alone.dotTN(x, delta, one, ROWS, 784, 50);
    for (let run = 0; run < 50; run++) {
      two.fill(NaN);
      expect(team.dotTN(x, delta, two, ROWS, 784, 50)).toBe(true);
      expect(firstDifference(two, one)).toBe(-1);
    }
  });

  it('one thread means no helpers, ever', () => {
    alone.dot(x, W1, new Float64Array(ROWS * 50), ROWS, 784, 50);
    expect(alone.threadsReady()).toBe(1);
  });

  it('a product too small to share runs on the caller alone and is right', () => {
    const C = new Float64Array(1);
    expect(team.dot(Float64Array.of(2, 3), Float64Array.of(5, 7), C, 1, 2, 1)).toBe(true);
    expect(C[0]).toBe(31);
  });

  it('after the helpers stop, the caller does every row itself', async () => {
    const kernels = loadWasmKernels(undefined, () => 2)!;
    await helperReady(kernels);
    kernels.close();
    expect(kernels.threadsReady()).toBe(1);
    const [one, two] = [new Float64Array(ROWS * 50), new Float64Array(ROWS * 50)];
    alone.dot(x, W1, one, ROWS, 784, 50);
    kernels.dot(x, W1, two, ROWS, 784, 50);
    expect(firstDifference(two, one)).toBe(-1);
  });
});

// A team driven directly, to make a helper fail or vanish mid-job
describe('a helper that fails or vanishes', () => {
  const { Memory, Module } = Reflect.get(globalThis, 'WebAssembly') as {
    Memory: new (d: { initial: number; maximum: number; shared: boolean }) => {
      buffer: SharedArrayBuffer;
    };
    Module: new (bytes: Uint8Array) => object;
  };
  const module = new Module(readFileSync(MATMUL_WASM));
  const PAGES = 512; // 32 MiB: room for the long product below
  const memory = new Memory({ initial: PAGES, maximum: 16384, shared: true });
  const counters = new Int32Array(memory.buffer, 0, 4); // one row counter per job
  // the caller's share: none, but wait until the helper has taken rows from counter i
  // (bounded: vitest cannot stop a synchronous loop)
  const whenHelperStarted =
    (i: number, then = () => {}) =>
    () => {
      for (const until = performance.now() + 5_000; Atomics.load(counters, i) === 0;) {
        if (performance.now() > until) throw new Error('the helper never took a row');
      }
      then();
    };

  async function readyTeam(deadlineMs?: number): Promise<Team> {
    const t = new Team(module, memory, 2, deadlineMs);
    while (t.available() < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    return t;
  }

  it('a helper given every row computes the product the caller would, bit for bit', async () => {
    const t = await readyTeam();
    // A = 1000 digits, B = W1, in this memory; the caller's share only waits for the helper
    // to begin, so the helper does every row
    const [m, k, n] = [ROWS, 784, 50];
    const [a, b, c] = [65536, 65536 + 8 * m * k, 65536 + 8 * m * k + 8 * k * n];
    const lists = c + 8 * m * n;
    new Float64Array(memory.buffer, a, m * k).set(x);
    new Float64Array(memory.buffer, b, k * n).set(W1);
    const C = new Float64Array(memory.buffer, c, m * n).fill(NaN);
    counters[3] = 0;
    const job: Job = { op: 'dot_shared', args: [a, m, k, b, n, c, lists, lists + 4 * k, 12] };
    expect(t.run(2, () => job, whenHelperStarted(3))).toBe(true);
    const expected = new Float64Array(m * n);
    alone.dot(x, W1, expected, m, k, n);
    expect(firstDifference(C.slice(), expected)).toBe(-1);
    t.close();
  });

  it('withdraws a job the helper has not claimed once the caller has done every row', async () => {
    const t = await readyTeam();
    // no rows to take (the counter is past m): the caller's share ends at once, and the
    // sleeping helper, woken by the post, usually claims too late. A claimed job would move
    // the counter by one chunk, so an unmoved counter shows the job was withdrawn.
    const spent: Job = { op: 'dot_shared', args: [1024, 1, 2, 1024, 1, 2048, 4096, 8192, 0] };
    let withdrawn = 0;
    for (let attempt = 0; attempt < 50 && withdrawn === 0; attempt++) {
      Atomics.store(counters, 0, 100);
      expect(
        t.run(
          2,
          () => spent,
          () => {},
        ),
      ).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 20)); // a late helper would act by now
      if (Atomics.load(counters, 0) === 100) withdrawn++;
    }
    expect(withdrawn).toBe(1);
    t.close();
  });

  it('reports a job that trapped in the helper, so the caller redoes the product', async () => {
    const t = await readyTeam();
    counters[1] = 0;
    // a row of A far past the end of memory: the helper takes it, and its load traps
    const trap: Job = { op: 'dot_shared', args: [2 ** 31, 1, 8, 0, 2, 64, 128, 256, 4] };
    expect(t.run(2, () => trap, whenHelperStarted(1))).toBe(false);
    // the same helper takes the next job and does it
    counters[1] = 0;
    const C = new Float64Array(memory.buffer, 2048, 1);
    new Float64Array(memory.buffer, 1024, 2).set([3, 5]); // A (1, 2) and B (2, 1) alike
    const fine: Job = { op: 'dot_shared', args: [1024, 1, 2, 1024, 1, 2048, 4096, 8192, 4] };
    expect(t.run(2, () => fine, whenHelperStarted(1))).toBe(true);
    expect(C[0]).toBe(34); // 3·3 + 5·5
    t.close();
  });

  it('stops a helper that never finishes and reports it, so the caller redoes the product', async () => {
    const t = await readyTeam(50);
    // a long product for the helper (2000×784 by 784×500), while the caller's share waits
    // until the helper has begun and then ends its thread: the job can never finish
    const [m, k, n] = [2000, 784, 500];
    const [a, b, c] = [65536, 65536 + 8 * m * k, 65536 + 8 * m * k + 8 * k * n];
    const lists = c + 8 * m * n;
    new Float64Array(memory.buffer, a, m * k).fill(1);
    counters[2] = 0;
    const long: Job = { op: 'dot_shared', args: [a, m, k, b, n, c, lists, lists + 4 * k, 8] };
    const start = performance.now();
    expect(
      t.run(
        2,
        () => long,
        whenHelperStarted(2, () => t.close()),
      ),
    ).toBe(false);
    expect(performance.now() - start).toBeLessThan(5_000); // the deadline, not the product
    expect(t.available()).toBe(1);
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
