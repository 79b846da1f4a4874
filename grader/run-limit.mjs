// The whole run's limit, as cli.mjs and batch grading keep it: the CPU time that the run's
// processes (vitest and one per spec file) have used together, with a looser limit on the
// clock. A busy machine stretches the clock, not the CPU time a correct grade needs, so the
// run is not cut off because other processes share the cores. Plain JS: the CLI reads it
// before any TypeScript tooling has started.
import { readdirSync, readFileSync } from 'node:fs';

/** The clock's limit as a multiple of the CPU limit, as for each law (grader/sandbox/watchdog.ts). */
export const RUN_CLOCK_PER_CPU = 6;
/** /proc counts CPU time in USER_HZ ticks, 100 a second on every Linux ABI Node runs on. */
const TICKS_PER_MS = 100 / 1000;

/**
 * CPU time, in ms, used by `root` and every process below it, living or reaped (a reaped
 * child's time moves into its parent's cutime and cstime). Undefined where there is no /proc.
 * @param {number} root
 * @returns {number | undefined}
 */
export function treeCpuMs(root) {
  /** @type {Map<number, { parent: number, ticks: number }>} */
  const processes = new Map();
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // it ended while we looked
    }
    // the command name, in parentheses, may hold spaces: the fields start after its ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
    processes.set(Number(entry), {
      parent: Number(fields[1]),
      ticks: utime + stime + cutime + cstime,
    });
  }
  if (!processes.has(root)) return undefined;
  let ticks = 0;
  for (const [pid, { ticks: own }] of processes) {
    for (let p = pid; p > 1; p = processes.get(p)?.parent ?? 0) {
      if (p !== root) continue;
      ticks += own;
      break;
    }
  }
  return ticks / TICKS_PER_MS;
}

/**
 * Calls `stop` once the run under `root` has passed `cpuLimitMs` of CPU time, or
 * RUN_CLOCK_PER_CPU times that on the clock; where CPU time cannot be read, `cpuLimitMs` on
 * the clock. `stop` gets what was measured, in the words of a report. Returns the timer.
 * @param {number} root
 * @param {number} cpuLimitMs
 * @param {(why: string) => void} stop
 */
export function limitRun(root, cpuLimitMs, stop) {
  const started = Date.now();
  const seconds = (/** @type {number} */ ms) => `${Math.round(ms / 1000)} s`;
  const limit = (/** @type {number} */ ms) => `${ms / 1000} s`;
  const timer = setInterval(() => {
    const clock = Date.now() - started;
    const cpu = treeCpuMs(root);
    const clockLimit = cpu === undefined ? cpuLimitMs : RUN_CLOCK_PER_CPU * cpuLimitMs;
    if (cpu !== undefined && cpu > cpuLimitMs) {
      stop(`its limit of ${limit(cpuLimitMs)} of CPU time (${seconds(clock)} on the clock)`);
    } else if (clock > clockLimit) {
      const used = cpu === undefined ? '' : ` (${seconds(cpu)} of CPU time)`;
      stop(`its limit of ${limit(clockLimit)} on the clock${used}`);
    } else return;
    clearInterval(timer);
  }, 1000);
  return timer;
}
