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

export interface ExerciseEntry {
  /** File stem shared by exercises/, solutions/ and spec/, e.g. '02_numerical_diff'. */
  id: string;
  title: string;
  /** Section of the book, e.g. '4.3'. */
  book: string;
  /** What the stub and the solution export, checked by `npm run check`. */
  exports: string[];
  /** Functions src/ also has, which this exercise must write itself rather than import. */
  ownWork: string[];
  /** Sentences of the stub's header that explain and state no behaviour to check. */
  context: string[];
  laws: LawEntry[];
}

export interface Manifest {
  /** SHA-256 of each spec file it was read from: stale when one differs. */
  sources: Record<string, string>;
  exercises: ExerciseEntry[];
}
