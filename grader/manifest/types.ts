/** One graded law: its name is the spec's test name, word for word. */
export interface LawEntry {
  name: string;
  points: number;
  /** Shown when the law fails: nudges toward the likely mistake without giving the answer. */
  hint: string;
  /** An instructor's law from instructor/hidden/: graded, but absent from a student release. */
  hidden?: boolean;
}

/**
 * A diagnosis names a mistake from the pattern of laws it breaks. It applies when every
 * law in `failed` failed and every law in `passed` passed; the first that applies wins.
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
