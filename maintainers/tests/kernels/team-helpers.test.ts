// A Team of kernels/team.ts driven directly, on its own wasm memory, to make a helper do
// every row, fail, vanish or keep the caller waiting: what the public kernels cannot force.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MATMUL_WASM } from '../../../kernels/build.ts';
import { Team, type Job } from '../../../kernels/team.ts';
import { loadWasmKernels } from '../../../kernels/wasm.ts';
import { ROWS, bookOperands } from './book-operands.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const alone = loadWasmKernels(undefined, () => 1)!; // the product as one thread computes it

// the first index where two results differ in their bits, or −1 (toEqual is slow on 50,000)
const firstDifference = (a: Float64Array, b: Float64Array) =>
  a.findIndex((v, i) => !Object.is(v, b[i]));

describe('a team driven directly', () => {
  const { Memory, Module } = Reflect.get(globalThis, 'WebAssembly') as {
    Memory: new (d: { initial: number; maximum: number; shared: boolean }) => {
      buffer: SharedArrayBuffer;
    };
    Module: new (bytes: Uint8Array) => object;
  };
  const module = new Module(readFileSync(MATMUL_WASM));
  const PAGES = 512; // 32 MiB: room for the long product below
  const memory = new Memory({ initial: PAGES, maximum: 16384, shared: true });
  const counters = new Int32Array(memory.buffer, 0, 8); // one row counter per job
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

  async function readyTeam(deadlineMs?: number, threads = 2): Promise<Team> {
    const t = new Team(module, memory, threads, deadlineMs);
    while (t.available() < threads) await sleep(10);
    return t;
  }

  // A (m, k)·(k, n) product laid out from 64 KiB on, as a dot_shared job whose rows are
  // counted at counters[slot] (reset here), with views of its operands and result
  function productJob(m: number, k: number, n: number, slot: number) {
    const [a, b, c] = [65536, 65536 + 8 * m * k, 65536 + 8 * m * k + 8 * k * n];
    const lists = c + 8 * m * n;
    counters[slot] = 0;
    const args = [a, m, k, b, n, c, lists, lists + 4 * k, counters.BYTES_PER_ELEMENT * slot];
    return {
      job: { op: 'dot_shared', args } as Job,
      A: new Float64Array(memory.buffer, a, m * k),
      B: new Float64Array(memory.buffer, b, k * n),
      C: new Float64Array(memory.buffer, c, m * n),
    };
  }

  it('a helper given every row computes the product the caller would, bit for bit', async () => {
    const t = await readyTeam();
    const { x, W1 } = bookOperands();
    // A = 1000 digits, B = W1, in this memory; the caller's share only waits for the helper
    // to begin, so the helper does every row
    const [m, k, n] = [ROWS, 784, 50];
    const { job, A, B, C } = productJob(m, k, n, 3);
    A.set(x);
    B.set(W1);
    C.fill(NaN);
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
    const m = 2000;
    const { job: long, A } = productJob(m, 784, 500, 2);
    A.fill(1);
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

  it('stops a helper past the deadline: its thread ends, and it no longer counts', async () => {
    const t = await readyTeam(50);
    // the long product above (about 0.2 s alone), with nothing to stop it but the deadline
    const m = 2000;
    const { job: long, A } = productJob(m, 784, 500, 2);
    A.fill(1);
    expect(t.run(2, () => long, whenHelperStarted(2))).toBe(false);
    await sleep(200); // the thread ends, and says so
    const taken = Atomics.load(counters, 2);
    await sleep(300); // a helper still running would have taken more rows, or all of them
    expect(Atomics.load(counters, 2)).toBe(taken);
    expect(taken).toBeLessThan(m);
    await sleep(100); // past the busy back-off (500 ms) that waiting for it set off
    expect(t.available()).toBe(1);
    t.close();
  });

  it('sleeps, rather than spins, while it waits for a helper to finish', async () => {
    const t = await readyTeam();
    // the helper does every row of the long product (about 0.2 s) while the caller, its own
    // share done, waits: asleep, the process keeps one core busy (the helper's), not two
    const m = 2000;
    const { job: long, A } = productJob(m, 784, 500, 2);
    A.fill(1);
    const [cpu, start] = [process.cpuUsage(), performance.now()];
    expect(t.run(2, () => long, whenHelperStarted(2))).toBe(true);
    const { user, system } = process.cpuUsage(cpu);
    const cores = (user + system) / 1000 / (performance.now() - start);
    expect(cores).toBeLessThan(1.5);
    t.close();
  });

  it('posts a job to at most threads − 1 helpers, each with its own thread number', async () => {
    const t = await readyTeam(undefined, 3);
    // no rows left to take: each thread's share ends at once
    const spent: Job = { op: 'dot_shared', args: [1024, 1, 2, 1024, 1, 2048, 4096, 8192, 24] };
    for (const threads of [2, 3]) {
      const asked: number[] = [];
      Atomics.store(counters, 6, 100);
      const jobFor = (thread: number) => {
        asked.push(thread);
        return spent;
      };
      expect(t.run(threads, jobFor, () => {})).toBe(true);
      expect(asked.sort()).toEqual([0, 1, 2].slice(0, threads));
    }
    t.close();
  });

  it('with two helpers, one that trapped is enough for the caller to redo the product', async () => {
    const t = await readyTeam(undefined, 3);
    // helper 1 traps as above (rows counted at slot 6); helper 2 does its one row (slot 7)
    const trap: Job = { op: 'dot_shared', args: [2 ** 31, 1, 8, 0, 2, 64, 128, 256, 24] };
    const fine: Job = { op: 'dot_shared', args: [1024, 1, 2, 1024, 1, 2048, 4096, 8192, 28] };
    counters.fill(0, 6, 8);
    const bothStarted = whenHelperStarted(6, whenHelperStarted(7));
    expect(t.run(3, (thread) => (thread === 1 ? trap : fine), bothStarted)).toBe(false);
    t.close();
  });

  it('runs products alone for a while after a helper kept the caller waiting', async () => {
    const t = await readyTeam();
    // the helper does every row of a dense (1000, 784)·(784, 300) product (235M multiply-adds,
    // about 60 ms) while the caller's share ends once the helper has begun: the caller waits
    // far longer than it worked, which is how a busy machine shows (team.ts)
    const { job: long, A } = productJob(ROWS, 784, 300, 4);
    A.fill(1);
    expect(t.run(2, () => long, whenHelperStarted(4))).toBe(true);
    expect(t.available()).toBe(1);
    await sleep(600); // past team.ts's BUSY_BACKOFF_MS, 500 ms: it tries again
    expect(t.available()).toBe(2);
    t.close();
  });

  it('keeps sharing when the helper finished within the caller’s own share', async () => {
    const t = await readyTeam();
    // one row for the helper; the caller's share goes on 50 ms after the helper began
    counters[5] = 0;
    const one: Job = { op: 'dot_shared', args: [1024, 1, 2, 1024, 1, 2048, 4096, 8192, 20] };
    const busy50ms = () => {
      for (const until = performance.now() + 50; performance.now() < until;);
    };
    expect(t.run(2, () => one, whenHelperStarted(5, busy50ms))).toBe(true);
    expect(t.available()).toBe(2);
    t.close();
  });
});
