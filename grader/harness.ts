// The bridge between a spec and the grade. `exercise(…)` loads the student's file and hands
// the spec its `law`, which registers a test under the name the manifest knows, runs it under
// the guard, turns whatever the student's code did into a LawError the report can explain,
// and asks the exercise's suspects for evidence of a known mistake. `forAll` runs a
// fast-check property with the run's seed and reports its shrunk counterexample as it was
// before the student's code saw it.
import fc from 'fast-check';
import { it } from 'vitest';
import { NDArray } from '../src/index.ts';
import { format } from '../spec/support/format.ts';
import { LawError } from './law-error.ts';
import { loadStudent } from './load.ts';
import { EXERCISES } from './manifest/index.ts';
import { GuardTimeout, guarded } from './sandbox/guard.ts';
import { idle } from './sandbox/watchdog.ts';
import { readSettings } from './settings.mjs';
import { Suspects, type Suspect } from './suspects.ts';

export const settings = readSettings();

let running: { id: string; name: string } | undefined;

/** A law as its spec declares it; grader/manifest.json is read off these declarations. */
export interface LawDeclaration {
  /** The law as a sentence: what the student reads, and the vitest test's name. */
  name: string;
  points: number;
  /** Shown when the law fails: nudges toward the likely mistake without giving the answer. */
  hint: string;
  /** Phrases of the stub's header whose behaviour the law checks. */
  covers?: string[];
}

/** What a spec declares of its exercise; a hidden spec (instructor/hidden/) gives the id only. */
export interface ExerciseDeclaration {
  id: string;
  title?: string;
  book?: string;
  exports?: string[];
  /** Functions src/ also has, which this exercise must write itself rather than import. */
  ownWork?: string[];
  /** Sentences of the stub's header that explain and state no behaviour to check. */
  context?: string[];
}

/**
 * Loads the student's module for `declared.id` (the spec's own modules have loaded first and
 * captured pristine built-ins) and returns it with the spec's `law`.
 */
export async function exercise<M>(
  declared: ExerciseDeclaration,
  importer: () => Promise<M>,
  suspects: readonly Suspect<M>[] = [],
) {
  const entry = EXERCISES.find((e) => e.id === declared.id);
  if (!entry) throw new Error(`spec: no exercise '${declared.id}' in grader/manifest.json`);
  const impl = await loadStudent(entry, importer);
  idle(); // the student's file has loaded
  const diagnoses = new Suspects(suspects, impl);
  return {
    impl,
    /** Registers one graded law under its key; its declaration must match the manifest's. */
    law(key: string, declaration: LawDeclaration, body: () => void, limitMs?: number): void {
      const known = entry.laws.find((law) => law.key === key);
      if (
        !known ||
        known.name !== declaration.name ||
        known.points !== declaration.points ||
        known.hint !== declaration.hint
      ) {
        throw new Error(
          `spec: law '${key}' of ${entry.id} differs from grader/manifest.json; ` +
            'run node grader/manifest/extract.mjs',
        );
      }
      it(declaration.name, () => {
        running = { id: entry.id, name: declaration.name };
        try {
          guarded(body, limitMs);
        } catch (error) {
          const explained = explain(error);
          if (explained instanceof LawError && !/^not implemented yet/.test(explained.message)) {
            const found = diagnoses.diagnose(key);
            if (found.length > 0) {
              explained.diagnosis = found.map((d) => d.text).join('\n');
              explained.diagnosisKeys = found.map((d) => d.key);
            }
          }
          throw explained;
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
  // the case is described from a copy taken before the call: code that writes into its
  // inputs must not change the counterexample it is shown
  const checked = (...args: unknown[]) => {
    const before = args.map(snapshot) as Ts;
    try {
      predicate(...(args as Ts));
    } catch (error) {
      if (fc.PreconditionFailure.isFailure(error)) throw error;
      const explained = explain(error);
      if (explained instanceof LawError) explained.counterexample = show(...before);
      throw explained;
    }
  };
  const property = fc.property(...arbitraries, checked);
  const details = fc.check(property, {
    seed: settings.seed,
    numRuns: settings.numRuns,
    path: settings.path,
  });
  if (!details.failed) return;
  // a timeout never lands here: the guard's termination passes through fast-check uncaught
  const inner = explain(details.errorInstance) as LawError;
  throw new LawError(inner.message, {
    status: inner.status,
    counterexample: inner.counterexample ?? 'none (the property could not run)',
    reproduce: reproduceCommand(String(details.seed), details.counterexamplePath ?? undefined),
  });
}

/** A copy of a generated value deep enough that writing into the original leaves it as it was. */
function snapshot(value: unknown): unknown {
  if (value instanceof NDArray) return new NDArray(value.data.slice(), value.shape);
  if (ArrayBuffer.isView(value)) return (value as Float64Array).slice();
  if (Array.isArray(value)) return value.map(snapshot);
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, snapshot(v)]));
  }
  return value;
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
