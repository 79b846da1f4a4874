// Helper threads for the big products. Every thread of the team (the caller and each helper, a
// worker thread running team-worker.mjs on the same shared wasm memory) runs the same kernel
// call, which takes output rows a few at a time from a shared counter until none are left
// (dot_shared in matmul.wat). A helper the system keeps waiting takes fewer rows, where a fixed
// split would keep the caller waiting for it; and since each row is computed by the same code
// whichever thread takes it, the result is the same bit for bit with any number of threads.
//
// Jobs pass through a small control block per helper (Int32 slots in a SharedArrayBuffer,
// Atomics.wait and notify) rather than postMessage and an event loop, so that the caller can
// wait synchronously, as a matrix product must. Helpers start in the background on first use;
// until one is ready, the caller works alone. wasm.ts shares only products of milliseconds.
import os from 'node:os';
import { Worker } from 'node:worker_threads';

// the control block's slots and a job's states; team-worker.mjs uses the same numbers
const [STATE, FAILED, READY, OP, ARGS] = [0, 1, 2, 3, 4];
const [IDLE, POSTED, RUNNING, FINISHED] = [0, 1, 2, 3]; // RUNNING: set by the helper
const MAX_ARGS = 9;
const OPS = { dot_shared: 1, combine_columns_shared: 2 } as const;

const MAX_THREADS = 4; // beyond this the book's 100-row batches split too thin to pay
const JOIN_SPIN_MS = 1; // a helper still running is on its last few rows: poll, don't sleep
const JOIN_WAIT_MS = 10; // then sleep in slices of this
const JOIN_DEADLINE_MS = 10_000; // a helper this late is stuck or dead: stop it (tests: less)
// A helper the system suspended mid-rows makes the caller wait for it. When that wait outlasts
// the caller's own share, the machine is busy: for this long, products run on the caller
// alone; then it tries again.
const BUSY_BACKOFF_MS = 500;

/** A kernel of matmul.wat that shares its rows through a counter, with its arguments. */
export interface Job {
  op: keyof typeof OPS;
  args: number[];
}

/**
 * The threads that may work on one product, the caller included: DLFS_THREADS if set (1 turns
 * the helpers off), else the machine's cores up to MAX_THREADS.
 */
export function threadCount(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.DLFS_THREADS;
  if (text === undefined || text === '') return Math.min(os.availableParallelism(), MAX_THREADS);
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`DLFS_THREADS must be a whole number of threads, 1 or more; got '${text}'`);
  }
  return n;
}

class Helper {
  private readonly ctrl = new Int32Array(new SharedArrayBuffer((ARGS + MAX_ARGS) * 4));
  private readonly worker: Worker;
  private alive = true;

  constructor(
    module: object,
    memory: object,
    private readonly deadlineMs: number,
  ) {
    this.worker = new Worker(new URL('./team-worker.mjs', import.meta.url), {
      workerData: { module, memory, control: this.ctrl.buffer },
      execArgv: [], // no TypeScript loader, no inspector: the worker is plain JavaScript
    });
    this.worker.unref(); // an idle helper must not keep the process alive
    const die = () => (this.alive = false);
    this.worker.on('error', die).on('exit', die);
  }

  get ready(): boolean {
    return this.alive && Atomics.load(this.ctrl, READY) === 1;
  }

  post(job: Job): void {
    this.ctrl[OP] = OPS[job.op];
    this.ctrl.set(job.args, ARGS);
    Atomics.store(this.ctrl, STATE, POSTED);
    Atomics.notify(this.ctrl, STATE);
  }

  /**
   * Called once the caller found no rows left: withdraws the job if the helper never claimed
   * it, else waits for it. True if the helper's rows are done, false if they must be redone.
   */
  finish(): boolean {
    if (Atomics.compareExchange(this.ctrl, STATE, POSTED, IDLE) === POSTED) return true;
    const start = performance.now();
    while (Atomics.load(this.ctrl, STATE) !== FINISHED) {
      const waited = performance.now() - start;
      if (waited > this.deadlineMs) {
        this.stop();
        return false;
      }
      if (waited > JOIN_SPIN_MS) Atomics.wait(this.ctrl, STATE, RUNNING, JOIN_WAIT_MS);
    }
    Atomics.store(this.ctrl, STATE, IDLE);
    return Atomics.load(this.ctrl, FAILED) === 0;
  }

  stop(): void {
    this.alive = false;
    void this.worker.terminate();
  }
}

export class Team {
  private helpers: Helper[] | null = null;
  private busyUntil = 0; // performance.now() before which products run alone

  constructor(
    private readonly module: object,
    private readonly memory: object,
    readonly threads: number,
    private readonly deadlineMs = JOIN_DEADLINE_MS,
  ) {}

  /** The helpers ready for a job now; the first call starts them all in the background. */
  private ready(): Helper[] {
    this.helpers ??= Array.from(
      { length: this.threads - 1 },
      () => new Helper(this.module, this.memory, this.deadlineMs),
    );
    return this.helpers.filter((h) => h.ready);
  }

  /** How many threads can share a product now: 1 until a helper is ready, or when busy. */
  available(): number {
    const helpers = this.ready();
    return performance.now() < this.busyUntil ? 1 : 1 + helpers.length;
  }

  /**
   * Runs jobFor(0) on this thread through `local` and jobFor(1 …) on up to threads − 1 ready
   * helpers (the jobs differ only in their scratch memory). True when all rows are done; false
   * when a helper failed or vanished, so the caller must redo the product.
   */
  run(threads: number, jobFor: (thread: number) => Job, local: (job: Job) => void): boolean {
    const helpers = this.ready().slice(0, threads - 1);
    helpers.forEach((helper, i) => helper.post(jobFor(i + 1)));
    const start = performance.now();
    local(jobFor(0));
    const ownShare = performance.now();
    const done = helpers.map((helper) => helper.finish()).every(Boolean);
    const end = performance.now();
    if (end - ownShare > ownShare - start) this.busyUntil = end + BUSY_BACKOFF_MS;
    return done;
  }

  /** Ends the helpers (they end with the process anyway). */
  close(): void {
    this.helpers?.forEach((h) => h.stop());
    this.helpers = [];
  }
}
