// The watcher: a thread beside the spec's main thread that keeps its clocks. It measures the
// CPU time the process has used in the current phase (loading the file, between two laws,
// one law) and the time on the clock, less the time the main thread spent ready to run but
// waiting for a core, which is all a busy machine adds. A law past its limit is interrupted
// with SIGINT, which the guard's vm.runInContext turns into an exception (breakOnSigint); a
// file stuck past its limit while loading or between laws, where nothing can be interrupted,
// is ended with SIGKILL after a note for the reporter. Plain JS: it runs as a worker, outside
// any TypeScript tooling, and guard.ts and watchdog.ts share its layout and wording from here.
import { readFileSync, writeFileSync } from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';

/** What the main thread is doing; `ctl[PHASE]`. */
export const OFF = 0;
export const LOADING = 1;
export const BETWEEN = 2;
export const LAW = 3;
/** The watcher has sent the interrupt; only it moves a law here, only the guard out again. */
export const STOPPING = 4;

/** Int32 slots (Atomics): the phase and, once a law is stopped, which limit it passed. */
export const PHASE = 0;
export const REASON = 1;
export const CPU = 1;
export const CLOCK = 2;

/** Float64 slots, written by the main thread while the phase is OFF. */
export const CPU_START = 0; // process CPU time at the start of the phase, in ms
export const CLOCK_START = 1; // the clock at the start of the phase, in ms
export const QUEUED_START = 2; // queuedMs() at the start of the phase
export const CPU_LIMIT = 3;
export const CLOCK_LIMIT = 4; // on the clock, less the time spent waiting for a core
export const STOPPED_AT = 5; // the clock, less that time, when the interrupt was sent
export const SLOTS = 6;

/** How often the watcher looks: a stop comes at most this late. */
export const POLL_MS = 50;
/** A law that has not ended this long after its interrupt is ended with its process. */
export const INTERRUPT_GRACE_MS = 10_000;

// taken when the grader loads, before any student's file: replacing them later moves no limit
const cpuUsage = process.cpuUsage.bind(process);
export const now = Date.now;

/** The process's CPU time, user and system, in ms: the same counter from either thread. */
export function cpuMs() {
  const { user, system } = cpuUsage();
  return (user + system) / 1000;
}

let schedstat = true;
/**
 * How long the main thread has been ready to run but waiting for a core, in ms: the second
 * field of the kernel's scheduler statistics, /proc/self/schedstat, which are the main
 * thread's from either thread. 0 where the kernel keeps none.
 */
export function queuedMs() {
  if (!schedstat) return 0;
  try {
    return Number(readFileSync('/proc/self/schedstat', 'utf8').split(' ')[1]) / 1e6;
  } catch {
    schedstat = false;
    return 0;
  }
}

/** @param {number} ms */
const seconds = (ms) => `${Math.round(ms / 100) / 10} s`;
/** @param {number} ms */
const limit = (ms) => `${ms / 1000} s`;

/**
 * What was measured when something was stopped, for the student's report: where, which limit
 * it passed, and the clocks. It guesses no cause: from here a busy machine and a loop that
 * never ends differ only in CPU time.
 * @param {{ reason: number, cpuMs: number, clockMs: number, queuedMs: number, cpuLimitMs: number, clockLimitMs: number, where?: string }} stop
 */
export function stopMessage({ reason, cpuMs, clockMs, queuedMs, cpuLimitMs, clockLimitMs, where }) {
  const stopped = where ? `stopped ${where}, after` : 'stopped after';
  if (reason === CPU) {
    return `${stopped} ${limit(cpuLimitMs)} of CPU time, its limit (${seconds(clockMs)} on the clock)`;
  }
  const cpuLimit = Number.isFinite(cpuLimitMs) ? ` (its CPU limit is ${limit(cpuLimitMs)})` : '';
  const queued =
    queuedMs >= 100 ? `; the ${seconds(queuedMs)} it spent waiting for a core did not count` : '';
  return `${stopped} ${limit(clockLimitMs)} on the clock, its limit, having used ${seconds(cpuMs)} of CPU time${cpuLimit}${queued}`;
}

const WHERE = {
  [LOADING]: 'while the exercise file loaded',
  [BETWEEN]: 'while no law was running',
  [LAW]: 'during a law',
};

/** @param {{ ctl: Int32Array, nums: Float64Array, notePath?: string, interrupt: boolean }} shared */
function watch({ ctl, nums, notePath, interrupt }) {
  /** @param {string} message */
  const end = (message) => {
    writeFileSync(/** @type {string} */ (notePath), message);
    process.kill(process.pid, 'SIGKILL');
  };
  setInterval(() => {
    const phase = Atomics.load(ctl, PHASE);
    if (phase === OFF) return;
    // without interrupts a law may run on another thread than the one schedstat describes
    const queued = interrupt ? queuedMs() : 0;
    const unqueued = now() - queued; // the clock, less the time spent waiting for a core
    if (phase === STOPPING) {
      if (notePath && unqueued - nums[STOPPED_AT] > INTERRUPT_GRACE_MS) {
        end(`stopped: a law went on for ${limit(INTERRUPT_GRACE_MS)} after its interrupt`);
      }
      return;
    }
    const stop = {
      cpuMs: cpuMs() - nums[CPU_START],
      clockMs: now() - nums[CLOCK_START],
      queuedMs: queued - nums[QUEUED_START],
      cpuLimitMs: nums[CPU_LIMIT],
      clockLimitMs: nums[CLOCK_LIMIT],
    };
    const reason =
      stop.cpuMs > stop.cpuLimitMs
        ? CPU
        : stop.clockMs - stop.queuedMs > stop.clockLimitMs
          ? CLOCK
          : 0;
    if (reason === 0) return;
    if (phase === LAW && interrupt) {
      Atomics.store(ctl, REASON, reason);
      nums[STOPPED_AT] = unqueued;
      // the guard may have settled the law meanwhile; then there is nothing to stop
      if (Atomics.compareExchange(ctl, PHASE, LAW, STOPPING) === LAW) {
        process.kill(process.pid, 'SIGINT');
      }
    } else if (notePath) {
      // without interrupts, vm's own timer stops a law first, and this is its backstop
      end(stopMessage({ reason, ...stop, where: WHERE[/** @type {1 | 2 | 3} */ (phase)] }));
    }
  }, POLL_MS);
}

if (!isMainThread && workerData?.role === 'dlfs-watcher') {
  watch({
    ctl: new Int32Array(workerData.ctl),
    nums: new Float64Array(workerData.nums),
    notePath: workerData.notePath,
    interrupt: workerData.interrupt,
  });
}
