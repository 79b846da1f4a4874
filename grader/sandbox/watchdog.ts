// The main thread's side of the watcher (watcher.mjs), which lives on its own thread and so
// keeps running when the spec's thread is stuck. Every phase of a spec file is held to a limit
// on the CPU time the process uses in it, and to a far looser one on the clock for code that
// waits instead of computing, less the time the main thread spent waiting for a core: loading
// the student's file, the gaps between laws (where an endless promise chain a law started
// would run), and each law, which the guard interrupts. A busy machine adds only time spent
// waiting for a core, so correct code keeps its points however many processes share them.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMainThread, Worker } from 'node:worker_threads';
import {
  BETWEEN,
  CLOCK_LIMIT,
  CLOCK_START,
  CPU_LIMIT,
  CPU_START,
  cpuMs,
  LAW,
  LOADING,
  now,
  OFF,
  PHASE,
  QUEUED_START,
  queuedMs,
  REASON,
  SLOTS,
  STOPPING,
} from './watcher.mjs';

/** Loading a student's file takes well under a second of CPU; ten means it never will. */
export const LOAD_CPU_LIMIT_MS = 10_000;
/** Between two laws vitest only sends results; ten seconds of CPU there is a runaway. */
export const BETWEEN_LAWS_CPU_LIMIT_MS = 10_000;
/**
 * A law's limit on the clock, as a multiple of its CPU limit: it stops code that waits
 * without computing (Atomics.wait), while a law that computes meets its CPU limit first.
 */
export const CLOCK_PER_CPU = 6;
/**
 * Loading and the gaps between laws wait on vitest's main process, which transforms every
 * module a spec imports and takes its results; on a busy machine that wait, which is not
 * the file's, took up to 49 s. Only code that waits forever (a top-level await of a promise
 * that never settles) meets this limit.
 */
export const OUTSIDE_LAWS_CLOCK_LIMIT_MS = 300_000;
/**
 * The process's CPU time is one law's only where all its JavaScript runs on this thread, and
 * SIGINT interrupts a law only on POSIX. Elsewhere (Stryker runs specs in worker threads;
 * Windows) the clock keeps the limits as before: vm's timer stops a law at its limit, and each
 * phase gets twice its CPU limit on the clock before the watcher ends the process.
 */
export const CPU_LIMITS = isMainThread && process.platform !== 'win32';
const CLOCK_ONLY_FACTOR = 2;

// taken before any student's file loads, like cpuMs and now (watcher.mjs)
const { compareExchange, load, store, wait } = Atomics;
const ctl = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
const nums = new Float64Array(new SharedArrayBuffer(SLOTS * Float64Array.BYTES_PER_ELEMENT));
let watcher: Worker | undefined;

function startWatcher(notePath?: string): void {
  watcher = new Worker(new URL('./watcher.mjs', import.meta.url), {
    workerData: {
      role: 'dlfs-watcher',
      ctl: ctl.buffer,
      nums: nums.buffer,
      notePath,
      interrupt: CPU_LIMITS,
    },
  });
  watcher.unref();
}

/** Starts watching a spec file's process; the first phase covers loading the student's file. */
export function startWatchdog(reportDir: string, specFile: string): void {
  const noteDir = path.join(reportDir, '.watchdog');
  mkdirSync(noteDir, { recursive: true });
  const notePath = path.join(noteDir, `${path.basename(specFile)}.json`);
  // an empty note: the file is running, nothing went wrong yet (cli.mjs removes the notes
  // once vitest has exited and the reporter has read them)
  writeFileSync(notePath, '');
  enter(LOADING, LOAD_CPU_LIMIT_MS, OUTSIDE_LAWS_CLOCK_LIMIT_MS);
  startWatcher(notePath);
}

/** Moves to a phase whose clocks start now. The watcher skips OFF, so it never reads a half-written phase. */
function enter(phase: number, cpuLimitMs: number, clockLimitMs: number): void {
  store(ctl, PHASE, OFF);
  store(ctl, REASON, 0);
  nums[CPU_START] = cpuMs();
  nums[CLOCK_START] = now();
  nums[QUEUED_START] = CPU_LIMITS ? queuedMs() : 0;
  nums[CPU_LIMIT] = CPU_LIMITS ? cpuLimitMs : Infinity;
  nums[CLOCK_LIMIT] = CPU_LIMITS ? clockLimitMs : CLOCK_ONLY_FACTOR * cpuLimitMs;
  store(ctl, PHASE, phase);
}

/**
 * The guard's side of a law. `begin` starts its clocks, starting a watcher that only
 * interrupts (no note, no kill) where no spec file started one: tools/figures runs student
 * code under the guard too. `settle` runs inside the guarded script, as its last step.
 */
export const lawWatch = {
  begin(cpuLimitMs: number): void {
    if (!watcher) startWatcher();
    enter(LAW, cpuLimitMs, CLOCK_PER_CPU * cpuLimitMs);
  },

  /**
   * Ends the law from inside the vm script. If the watcher has already sent its interrupt,
   * wait for it here, where it lands as the guard's exception and not in code after the law.
   */
  settle(): void {
    if (compareExchange(ctl, PHASE, LAW, OFF) !== STOPPING) return;
    for (;;) wait(ctl, PHASE, STOPPING);
  },

  /** Which limit the watcher interrupted the law at: CPU or CLOCK (watcher.mjs), or 0. */
  stopReason(): number {
    return load(ctl, PHASE) === STOPPING ? load(ctl, REASON) : 0;
  },

  /** After a law the file is between laws again, with fresh clocks. */
  end(): void {
    idle();
  },
};

export function idle(): void {
  enter(BETWEEN, BETWEEN_LAWS_CPU_LIMIT_MS, OUTSIDE_LAWS_CLOCK_LIMIT_MS);
  // the first call comes from exercise(), the first line after the student's file loaded
  const loaded = whenLoaded.splice(0);
  for (const listener of loaded) listener();
}

const whenLoaded: Array<() => void> = [];

/** Runs `listener` once, as soon as the student's file has loaded (see idle). */
export function onLoaded(listener: () => void): void {
  whenLoaded.push(listener);
}
