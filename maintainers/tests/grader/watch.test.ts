// Watch mode's pure parts: which exercise a saved file belongs to, and the progress display.
import { describe, expect, it } from 'vitest';
import { buildGrade, type ExerciseGrade } from '../../../grader/grade.ts';
import { EXERCISES } from '../../../grader/manifest/index.ts';
import {
  exerciseOfFile,
  hintFor,
  nextExercise,
  renderProgress,
} from '../../../tools/watch/progress.ts';

const ids = EXERCISES.map((e) => e.id);

/** A student who finished the first `done` exercises and has started none of the rest. */
function progress(done: number): ExerciseGrade[] {
  const results = new Map(
    EXERCISES.slice(0, done).map((e) => [
      e.id,
      { laws: new Map(e.laws.map((l) => [l.name, { status: 'passed' as const }])) },
    ]),
  );
  return buildGrade({ impl: 'exercises', seed: 42, numRuns: 100 }, EXERCISES, results).exercises;
}

describe('exerciseOfFile', () => {
  it('maps an exercise file to its id, however the watcher names it', () => {
    expect(exerciseOfFile('02_numerical_diff.ts', ids)).toBe('02_numerical_diff');
    expect(exerciseOfFile('exercises/02_numerical_diff.ts', ids)).toBe('02_numerical_diff');
    expect(exerciseOfFile('/home/me/kit/exercises/07_train_neuralnet.ts', ids)).toBe(
      '07_train_neuralnet',
    );
  });

  it("maps helpers, editors' swap files and other trees to no exercise", () => {
    expect(exerciseOfFile('my_helpers.ts', ids)).toBeUndefined();
    expect(exerciseOfFile('.02_numerical_diff.ts.swp', ids)).toBeUndefined();
    expect(exerciseOfFile('02_numerical_diff.ts~', ids)).toBeUndefined();
    expect(exerciseOfFile('08_backprop.ts', ids)).toBeUndefined();
  });
});

describe('renderProgress', () => {
  it('draws an empty bar at the start, pointing at exercise 01', () => {
    const exercises = progress(0);
    const max = exercises.reduce((a, e) => a + e.maxScore, 0); // hidden laws, when present, count
    expect(renderProgress(exercises, nextExercise(exercises), 10)).toBe(
      `Progress: [>---------]  0/7 exercises · 0/${max} points\n` +
        ' ▶ 01  · 02  · 03  · 04  · 05  · 06  · 07',
    );
  });

  it('fills the bar in proportion to the exercises done', () => {
    const exercises = progress(3);
    const max = exercises.reduce((a, e) => a + e.maxScore, 0);
    const score = exercises.slice(0, 3).reduce((a, e) => a + e.maxScore, 0);
    const [line, marks] = renderProgress(exercises, nextExercise(exercises), 14).split('\n');
    expect(line).toBe(`Progress: [######>-------]  3/7 exercises · ${score}/${max} points`);
    expect(marks).toBe(' ✓ 01  ✓ 02  ✓ 03  ▶ 04  · 05  · 06  · 07');
  });

  it('draws a full bar when every exercise is done', () => {
    const exercises = progress(7);
    expect(nextExercise(exercises)).toBeUndefined();
    expect(renderProgress(exercises, undefined, 10).split('\n')[0]).toMatch(
      /^Progress: \[##########\] {2}7\/7 exercises · (\d+)\/\1 points$/,
    );
  });
});

describe('hintFor', () => {
  it("gives the first unmet law's hint from the manifest", () => {
    const exercise = progress(1)[1];
    expect(hintFor(exercise)).toContain(EXERCISES[1].laws[0].hint);
    expect(hintFor(progress(2)[1])).toMatch(/is done/);
  });
});
