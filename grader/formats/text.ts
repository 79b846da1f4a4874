// What every format shares: a test's name across formats, and the text a student reads when
// a law is unmet (the same lines the terminal table prints under it).
import type { ExerciseGrade, Grade, TestGrade } from '../grade.ts';
import { integrityWarning } from '../integrity.ts';

/** A law as grade.json holds it; `hidden` marks an instructor's hidden test. */
export type GradedTest = TestGrade & { hidden?: boolean };

/** '02_numerical_diff › calls f exactly twice, …': unique, and sorts in book order. */
export function testName(exercise: ExerciseGrade, test: TestGrade): string {
  return `${exercise.id} › ${test.name}`;
}

/** 'seed 1234 (from .dlfs-seed), 100 cases per property': what reproduces the run. */
export function runSettings(grade: Grade): string {
  const from = grade.seedFrom ? ` (from ${grade.seedFrom})` : '';
  return `seed ${grade.seed}${from}, ${grade.numRuns} cases per property`;
}

/** The integrity warning of a release whose graded files changed, or '' (grader/integrity.ts). */
export function sealWarning(grade: Grade): string {
  return integrityWarning(grade.integrity);
}

/** The explanation of one result, or '' for a pass. */
export function explain(test: TestGrade, diagnosis?: string): string {
  if (test.status === 'passed') return '';
  const lines = [`${test.status}: ${test.message ?? 'no message'}`];
  if (test.counterexample) lines.push(`counterexample: ${test.counterexample}`);
  if (diagnosis) lines.push(`diagnosis: ${diagnosis}`);
  if (test.hint) lines.push(`hint: ${test.hint}`);
  if (test.reproduce) lines.push(`rerun just this: ${test.reproduce}`);
  return clean(lines.join('\n'));
}

/* eslint-disable no-control-regex -- these patterns exist to find control characters */
const ANSI_COLOUR = /\x1b\[[0-9;]*m/g;
// what XML 1.0 cannot hold, even escaped, beside tab, newline and carriage return
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]/g;
/* eslint-enable no-control-regex */
// half of a UTF-16 pair on its own cannot be written as UTF-8
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Drops terminal colours and the characters that JSON viewers and XML reject. */
export function clean(text: string): string {
  return text.replace(ANSI_COLOUR, '').replace(NOT_XML, '').replace(LONE_SURROGATE, '\ufffd');
}

/** Keeps a message readable in a check run or a CI log; the full text is in grade.json. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
