/**
 * How a law reports that it broke. It carries the student-facing parts separately so the
 * grade report can show each in its place; vitest passes these fields to the reporter.
 */
export class LawError extends Error {
  override name = 'LawError';
  /** 'error' when the student's code threw rather than returned a wrong answer. */
  status: 'failed' | 'error';
  counterexample?: string;
  reproduce?: string;
  /** Evidence of a known mistake, found by the exercise's suspects (grader/suspects.ts). */
  diagnosis?: string;
  /** The keys of the suspects whose evidence that is. */
  diagnosisKeys?: string[];

  constructor(
    message: string,
    details: { status?: 'failed' | 'error'; counterexample?: string; reproduce?: string } = {},
  ) {
    super(message);
    this.status = details.status ?? 'failed';
    this.counterexample = details.counterexample;
    this.reproduce = details.reproduce;
  }
}

/** Stops the law with a message in the student's terms. */
export function fail(message: string): never {
  throw new LawError(message);
}
