// Student code runs inside `guarded`, so a synchronous infinite loop ends as a timeout of
// that one law instead of hanging the grader: vitest's own testTimeout cannot interrupt a
// loop that never yields. A law is held to the CPU time the process uses while it runs, and
// to six times that on the clock less the time it spent waiting for a core, so a busy
// machine cannot cost correct code a point: the watcher thread (watchdog.ts, watcher.mjs)
// sends SIGINT past either limit, and vm's breakOnSigint turns it into an exception here. The termination stops whatever JavaScript is running, including functions
// defined outside the context, and cannot be caught on the way up.
import vm from 'node:vm';
import { CLOCK, CPU, cpuMs, now, queuedMs, stopMessage } from './watcher.mjs';
import { CLOCK_PER_CPU, CPU_LIMITS, lawWatch } from './watchdog.ts';

/** CPU time for one law: the heaviest takes about 2 s; a slow laptop may need a few times that. */
export const LAW_TIME_LIMIT_MS = 10_000;

/**
 * Once this many laws of a file have been stopped, its other laws get SHORTER_LIMIT_MS each:
 * code that hangs in every law would otherwise cost the full limit for each. One stop changes
 * nothing, so a single hang never costs a later law its points.
 */
export const STOPS_BEFORE_SHORTER_LIMIT = 2;
export const SHORTER_LIMIT_MS = 2_000;
let stops = 0;

export class GuardTimeout extends Error {
  override name = 'GuardTimeout';
}

const context = vm.createContext({ run: undefined as undefined | (() => unknown) });

export function guarded<T>(body: () => T, limit = LAW_TIME_LIMIT_MS): T {
  const shorter = stops >= STOPS_BEFORE_SHORTER_LIMIT && limit > SHORTER_LIMIT_MS;
  const cpuLimitMs = shorter ? SHORTER_LIMIT_MS : limit;
  // without CPU limits (see watchdog.ts) vm's timer is the limit, on the clock
  const clockLimitMs = CPU_LIMITS ? CLOCK_PER_CPU * cpuLimitMs : cpuLimitMs;
  // with CPU limits there is no timer here: the clock a busy machine slows would stop laws
  // it need not; the watcher's note and the run's own limit back the interrupt up
  const options = CPU_LIMITS ? { breakOnSigint: true } : { timeout: clockLimitMs };
  context.run = () => {
    try {
      return body();
    } finally {
      lawWatch.settle();
    }
  };
  lawWatch.begin(cpuLimitMs);
  const [cpuStart, clockStart, queuedStart] = [cpuMs(), now(), CPU_LIMITS ? queuedMs() : 0];
  try {
    return vm.runInContext('run()', context, options) as T;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ERR_SCRIPT_EXECUTION_TIMEOUT'
        ? CLOCK
        : code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED'
          ? lawWatch.stopReason()
          : undefined;
    if (reason === undefined) throw error;
    if (reason !== CPU && reason !== CLOCK)
      throw new GuardTimeout('stopped by an interrupt from outside the grader (SIGINT)');
    stops++;
    const stop = {
      reason,
      cpuMs: cpuMs() - cpuStart,
      clockMs: now() - clockStart,
      queuedMs: (CPU_LIMITS ? queuedMs() : 0) - queuedStart,
      cpuLimitMs: CPU_LIMITS ? cpuLimitMs : Infinity,
      clockLimitMs,
    };
    throw new GuardTimeout(
      stopMessage(stop) +
        (shorter
          ? `; once ${STOPS_BEFORE_SHORTER_LIMIT} laws of an exercise have been stopped, ` +
            `each of the others gets ${SHORTER_LIMIT_MS / 1000} s`
          : ''),
    );
  } finally {
    context.run = undefined;
    lawWatch.end();
  }
}
