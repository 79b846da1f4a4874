// Turns what vitest saw into the grade: every exercise of the manifest appears with its full
// maxScore, whatever happened to it, and a law earns its points only by passing.
import type { Integrity } from './integrity.ts';
import type { ExerciseEntry } from './manifest/types.ts';

export type Status = 'passed' | 'failed' | 'error' | 'timeout';

export interface Outcome {
  status: Status;
  message?: string;
  counterexample?: string;
  reproduce?: string;
  /** Evidence of a known mistake, found by replaying probes (grader/suspects.ts). */
  diagnosis?: string;
  /** The keys of the mistakes that evidence names. */
  diagnosisKeys?: string[];
  /** Left out by a filtered run (`-t`): it earns nothing, and says nothing about mistakes. */
  skipped?: boolean;
}

export interface ModuleResult {
  /** Set when the spec file could not run at all: the student's file failed to load. */
  moduleError?: string;
  /** The watchdog stopped the file: laws that did not finish count as timeouts. */
  timedOut?: boolean;
  laws: Map<string, Outcome>;
}

export interface TestGrade extends Outcome {
  name: string;
  points: number;
  maxPoints: number;
  hint?: string;
  /** An instructor's law from instructor/hidden/ (Gradescope shows it once grades are published). */
  hidden?: boolean;
}

export interface ExerciseGrade {
  id: string;
  title: string;
  book: string;
  score: number;
  maxScore: number;
  /** The first unmet law's diagnosis, else the first any unmet law has: what formats show. */
  diagnosis?: string;
  /** Why no law of it could run (its file failed to load, or was stopped): said once. */
  loadError?: string;
  tests: TestGrade[];
}

export interface Grade {
  impl: string;
  seed: number;
  /** Where the seed came from: 'default', 'FC_SEED', '.dlfs-seed' or "the submission's name". */
  seedFrom?: string;
  numRuns: number;
  score: number;
  maxScore: number;
  /** Present in a student release: whether the grader's files match their checksums. */
  integrity?: Integrity;
  exercises: ExerciseGrade[];
}

/** A law that ran and did not pass; laws a filtered run left out are not failures. */
export const unmet = (test: TestGrade): boolean => test.status !== 'passed' && !test.skipped;

/** A law whose message is the stub's TODO: not attempted yet, so no mistake to name. */
export const atTodo = (test: TestGrade): boolean => /^not implemented yet/.test(test.message ?? '');

/** An exercise whose every law is still at the stub's TODO: nothing to explain yet. */
export const notStarted = (exercise: ExerciseGrade): boolean =>
  exercise.score === 0 && exercise.tests.every(atTodo);

export function gradeExercise(
  entry: ExerciseEntry,
  result: ModuleResult | undefined,
): ExerciseGrade {
  const tests = entry.laws.map((law): TestGrade => {
    const outcome: Outcome = result?.laws.get(law.name) ?? {
      status: result?.timedOut ? 'timeout' : 'error',
      message: result?.moduleError ?? 'this law did not run',
    };
    const passed = outcome.status === 'passed';
    // only behaviour is diagnosed: a law that timed out or never ran names no mistake
    const judged = outcome.status !== 'timeout' && !result?.moduleError;
    const { diagnosis, diagnosisKeys, ...rest } = outcome;
    return {
      name: law.name,
      ...rest,
      ...(judged && diagnosis ? { diagnosis, diagnosisKeys } : {}),
      points: passed ? law.points : 0,
      maxPoints: law.points,
      // a law that never ran has no advice to give: the load error says what to do; a timeout
      // says how long the code ran, not what is wrong with it, so no hint guesses why
      ...(passed || result?.moduleError || outcome.status === 'timeout' ? {} : { hint: law.hint }),
      ...(law.hidden ? { hidden: true } : {}),
    };
  });
  const diagnosis = tests.find((t) => unmet(t) && t.diagnosis)?.diagnosis;
  return {
    id: entry.id,
    title: entry.title,
    book: entry.book,
    score: sum(tests.map((t) => t.points)),
    maxScore: sum(tests.map((t) => t.maxPoints)),
    ...(diagnosis ? { diagnosis } : {}),
    ...(result?.moduleError ? { loadError: result.moduleError } : {}),
    tests,
  };
}

export function buildGrade(
  settings: { impl: string; seed: number; seedFrom?: string; numRuns: number },
  entries: readonly ExerciseEntry[],
  results: ReadonlyMap<string, ModuleResult>,
  integrity?: Integrity,
): Grade {
  const exercises = entries.map((entry) => gradeExercise(entry, results.get(entry.id)));
  return {
    impl: settings.impl,
    seed: settings.seed,
    ...(settings.seedFrom && settings.seedFrom !== 'default'
      ? { seedFrom: settings.seedFrom }
      : {}),
    numRuns: settings.numRuns,
    score: sum(exercises.map((e) => e.score)),
    maxScore: sum(exercises.map((e) => e.maxScore)),
    ...(integrity ? { integrity } : {}),
    exercises,
  };
}

/**
 * One exercise's results from its spec file and its hidden spec file (instructor/hidden/): the
 * laws of both, and the first file's failure to load, which the other file's laws then keep.
 */
export function mergeResults(a: ModuleResult, b: ModuleResult): ModuleResult {
  const moduleError = a.moduleError ?? b.moduleError;
  return {
    ...(moduleError ? { moduleError } : {}),
    ...(a.timedOut || b.timedOut ? { timedOut: true } : {}),
    laws: new Map([...a.laws, ...b.laws]),
  };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
