// Student code runs inside `guarded`, so a synchronous infinite loop ends as a timeout of
// that one law instead of hanging the grader: vitest's own testTimeout cannot interrupt a
// loop that never yields. vm's timeout terminates whatever JavaScript is running, including
// functions defined outside the context, and the termination cannot be caught on the way up.
import vm from 'node:vm';

/** Long enough for the heaviest law on a slow machine, short enough to keep grading snappy. */
export const LAW_TIME_LIMIT_MS = 10_000;

/**
 * Once a law of a file has hung, its other laws get this much: a loop that never returns
 * would otherwise cost the full limit for every law of the exercise, and slow the run.
 */
export const AFTER_TIMEOUT_LIMIT_MS = 2_000;
let hungBefore = false;

export class GuardTimeout extends Error {
  override name = 'GuardTimeout';
}

const context = vm.createContext({ run: undefined as undefined | (() => unknown) });

export function guarded<T>(body: () => T, limit = LAW_TIME_LIMIT_MS): T {
  const limitMs = hungBefore ? Math.min(limit, AFTER_TIMEOUT_LIMIT_MS) : limit;
  context.run = body;
  try {
    return vm.runInContext('run()', context, { timeout: limitMs }) as T;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      hungBefore = true;
      throw new GuardTimeout(
        `stopped after ${limitMs / 1000} s: the code under test never returned. ` +
          `Look for a loop whose end condition is never reached.`,
      );
    }
    throw error;
  } finally {
    context.run = undefined;
  }
}
