// The bridge between a spec and the grade. `exercise(id)` hands a spec its `law`, which
// registers a test under a name the manifest knows, runs it under the guard, and turns
// whatever the student's code did into a LawError the report can explain. `forAll` runs a
// fast-check property with the run's seed and reports its shrunk counterexample.
import fc from 'fast-check';
import { it } from 'vitest';
import { EXERCISES } from './manifest/index.ts';
import { readSettings } from './settings.mjs';
import { format } from '../spec/support/format.ts';
import { GuardTimeout, guarded } from './sandbox/guard.ts';
import { LawError } from './law-error.ts';
import { idle } from './sandbox/watchdog.ts';

export const settings = readSettings();

let running: { id: string; name: string } | undefined;

export function exercise(id: string) {
  const entry = EXERCISES.find((e) => e.id === id);
  if (!entry) throw new Error(`spec: no exercise '${id}' in grader/manifest`);
  idle(); // the spec reached this line, so the student's file has loaded
  return {
    /** Registers one graded law; the name must match the manifest word for word. */
    law(name: string, body: () => void, limitMs?: number): void {
      if (!entry.laws.some((law) => law.name === name)) {
        throw new Error(`spec: law '${name}' is not in the manifest entry of ${id}`);
      }
      it(name, () => {
        running = { id, name };
        try {
          guarded(body, limitMs);
        } catch (error) {
          throw explain(error);
        } finally {
          running = undefined;
          idle();
        }
      });
    },
  };
}

type Arbitraries<Ts extends unknown[]> = { [K in keyof Ts]: fc.Arbitrary<Ts[K]> };

/**
 * Checks `predicate` on generated cases; it should throw (via fail/expectClose) when the law
 * breaks. `show` describes a counterexample in the student's terms: shapes and values.
 */
export function forAll<Ts extends [unknown, ...unknown[]]>(
  arbitraries: Arbitraries<Ts>,
  predicate: (...args: NoInfer<Ts>) => void,
  show: (...args: NoInfer<Ts>) => string = (...args) => args.map(format).join(', '),
): void {
  const property = fc.property(...arbitraries, predicate as (...args: unknown[]) => void);
  const details = fc.check(property, {
    seed: settings.seed,
    numRuns: settings.numRuns,
    path: settings.path,
  });
  if (!details.failed) return;
  // a timeout never lands here: the guard's termination passes through fast-check uncaught
  const cause = details.errorInstance;
  const counterexample = details.counterexample
    ? show(...(details.counterexample as unknown as Ts))
    : 'none (the property could not run)';
  const inner = explain(cause) as LawError;
  throw new LawError(inner.message, {
    status: inner.status,
    counterexample,
    reproduce: reproduceCommand(String(details.seed), details.counterexamplePath ?? undefined),
  });
}

/** One line a student can paste to rerun only this law, on only this counterexample. */
function reproduceCommand(seed?: string, path?: string): string | undefined {
  if (!running) return undefined;
  const env = [
    settings.impl === 'exercises' ? '' : `IMPL=${settings.impl} `,
    seed === undefined ? '' : `FC_SEED=${seed} `,
    path === undefined ? '' : `FC_PATH=${path} `,
  ].join('');
  const pattern = `^${running.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  return `${env}npm test -- ${running.id} -t '${pattern.replace(/'/g, `'\\''`)}'`;
}

/** Turns anything thrown into a LawError that says who threw it and why. */
function explain(error: unknown): LawError | GuardTimeout {
  if (error instanceof GuardTimeout) return Object.assign(error, { reproduce: reproduceCommand() });
  if (error instanceof LawError) {
    error.reproduce ??= reproduceCommand(String(settings.seed));
    return error;
  }
  const thrown = error instanceof Error ? error : new Error(String(error));
  const message = /^TODO\b/.test(thrown.message)
    ? `not implemented yet (${thrown.message})`
    : `your code threw ${thrown.name}: ${thrown.message}${whereThrown(thrown)}`;
  return new LawError(message, {
    status: 'error',
    reproduce: reproduceCommand(String(settings.seed)),
  });
}

/** The first stack frame inside the graded tree, so the student knows which line threw. */
function whereThrown(error: Error): string {
  const frame = error.stack?.split('\n').find((line) => /\/(exercises|solutions)\//.test(line));
  const match = frame?.match(/((?:exercises|solutions)\/[^:)]+:\d+)/);
  return match ? ` (at ${match[1]})` : '';
}
