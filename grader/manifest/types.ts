/** One graded law, as its spec declares it: `law(key, { name, points, hint, covers }, body)`. */
export interface LawEntry {
  /** Short and stable: diagnoses and the galleries refer to a law by it. */
  key: string;
  /** The law as a sentence; also the vitest test's name. */
  name: string;
  points: number;
  /** Shown when the law fails: nudges toward the likely mistake without giving the answer. */
  hint: string;
  /** Phrases of the stub's header whose behaviour the law checks. */
  covers: string[];
  /** An instructor's law from instructor/hidden/: graded, but absent from a student release. */
  hidden?: boolean;
}

/**
 * A diagnosis names a mistake from the pattern of laws it breaks. It applies when every
 * law in `failed` failed and every law in `passed` passed (both by key); the first wins.
 */
export interface DiagnosisEntry {
  failed: string[];
  passed?: string[];
  say: string;
}

export interface ExerciseEntry {
  /** File stem shared by exercises/, solutions/ and spec/, e.g. '02_numerical_diff'. */
  id: string;
  title: string;
  /** Section of the book, e.g. '4.3'. */
  book: string;
  /** What the stub and the solution export, checked by `npm run check`. */
  exports: string[];
  laws: LawEntry[];
  diagnoses?: DiagnosisEntry[];
}

export interface Manifest {
  /** SHA-256 of each spec file it was read from: stale when one differs. */
  sources: Record<string, string>;
  exercises: ExerciseEntry[];
}
