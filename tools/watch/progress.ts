// The pure parts of watch mode: which exercise a changed file belongs to, and the progress
// line in rustlings' style, a bar of exercises done and a mark for each.
import path from 'node:path';
import type { ExerciseGrade } from '../../grader/grade.ts';

const BAR_WIDTH = 40; // as wide as rustlings' bar, narrow enough for a split terminal

/** 'exercises/02_numerical_diff.ts' → '02_numerical_diff'; a helper file → undefined. */
export function exerciseOfFile(file: string, ids: readonly string[]): string | undefined {
  const stem = path.basename(file).replace(/\.ts$/, '');
  return path.extname(file) === '.ts' && ids.includes(stem) ? stem : undefined;
}

/** Done means every law met, as rustlings counts an exercise done only when it compiles and passes. */
export function isDone(exercise: ExerciseGrade): boolean {
  return exercise.tests.every((t) => t.status === 'passed');
}

/** The exercise to work on next: the first in book order not yet done. */
export function nextExercise(exercises: readonly ExerciseGrade[]): string | undefined {
  return exercises.find((e) => !isDone(e))?.id;
}

/**
 * Progress: [################>-----------------------]  3/7 exercises · 39/76 points
 *  ✓ 01  ✓ 02  ✓ 03  ▶ 04  · 05  · 06  · 07
 */
export function renderProgress(
  exercises: readonly ExerciseGrade[],
  current: string | undefined,
  width = BAR_WIDTH,
): string {
  const done = exercises.filter(isDone).length;
  const filled = exercises.length === 0 ? 0 : Math.round((done / exercises.length) * width);
  const bar = '#'.repeat(filled) + (filled < width ? '>' + '-'.repeat(width - filled - 1) : '');
  const score = exercises.reduce((a, e) => a + e.score, 0);
  const max = exercises.reduce((a, e) => a + e.maxScore, 0);
  const marks = exercises.map((e) => {
    const mark = isDone(e) ? '✓' : e.id === current ? '▶' : e.score > 0 ? '~' : '·';
    return `${mark} ${e.id.slice(0, 2)}`;
  });
  return [
    `Progress: [${bar}]  ${done}/${exercises.length} exercises · ${score}/${max} points`,
    ` ${marks.join('  ')}`,
  ].join('\n');
}

/** The hint for the first unmet law, with the law it is about. */
export function hintFor(exercise: ExerciseGrade): string {
  const test = exercise.tests.find((t) => t.status !== 'passed');
  if (!test) return `${exercise.id} is done: every law is met.`;
  return [
    `hint for ${exercise.id} (book ${exercise.book}), law: ${test.name}`,
    `  ${test.hint ?? 'no hint for this law'}`,
    // a diagnosis reads a pattern of wrong answers; a stub or a file that fails to load has none
    ...(exercise.diagnosis && test.status === 'failed'
      ? [`  diagnosis: ${exercise.diagnosis}`]
      : []),
  ].join('\n');
}
