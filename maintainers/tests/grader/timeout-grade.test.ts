// A law stopped at its time limit tells how long the code ran, not what is wrong with it: the
// grade shows no hint and no diagnosis for it, and batch grading marks the row 'timeout'.
import { describe, expect, it } from 'vitest';
import { buildGrade, gradeExercise, type Outcome } from '../../../grader/grade.ts';
import { EXERCISES } from '../../../grader/manifest/index.ts';
import { statusOf } from '../../../instructor/batch/grade-one.ts';

const train = EXERCISES.find((e) => e.id === '07_train_neuralnet')!;
const E2E = train.laws.find((l) => /^driving a trusted two-layer net/.test(l.name))!.name;
const STOPPED: Outcome = {
  status: 'timeout',
  message: 'stopped after 10 s of CPU time, its limit (41.3 s on the clock)',
};

/** Exercise 07 with every law passed but `overrides`. */
function grade07(overrides: Record<string, Outcome>) {
  const laws = new Map<string, Outcome>(
    train.laws.map((l) => [l.name, overrides[l.name] ?? { status: 'passed' }]),
  );
  return gradeExercise(train, { laws });
}

describe('a timed-out law', () => {
  it('keeps its measured message and gets no hint', () => {
    const e2e = grade07({ [E2E]: STOPPED }).tests.find((t) => t.name === E2E)!;
    expect(e2e).toMatchObject({ status: 'timeout', message: STOPPED.message, points: 0 });
    expect(e2e.hint).toBeUndefined();
  });

  it('names no mistake, even if an outcome carried a diagnosis', () => {
    const update = train.laws[1].name;
    const said = { diagnosis: 'your step adds lr·grad', diagnosisKeys: ['ascent'] };
    const failed: Outcome = { status: 'failed', message: 'off by lr', ...said };
    expect(grade07({ [update]: failed }).diagnosis).toBe(said.diagnosis);
    // the harness asks no suspect about a timeout; the grade would not show one either
    const stopped = grade07({ [E2E]: { ...STOPPED, ...said } });
    expect(stopped.diagnosis).toBeUndefined();
    expect(stopped.tests.find((t) => t.name === E2E)).not.toHaveProperty('diagnosis');
    expect(grade07({ [update]: failed, [E2E]: STOPPED }).diagnosis).toBe(said.diagnosis);
    expect(grade07({ [E2E]: { status: 'failed', message: '0.1' } }).tests.at(-1)!.hint).toBe(
      train.laws.at(-1)!.hint,
    );
  });
});

describe("a batch row's status", () => {
  const settings = { impl: 'exercises', seed: 42, numRuns: 100 };
  const allPassed = new Map(
    EXERCISES.map((e) => [
      e.id,
      { laws: new Map<string, Outcome>(e.laws.map((l) => [l.name, { status: 'passed' }])) },
    ]),
  );

  it("is 'graded' when every law ran to its end, passed or not", () => {
    expect(statusOf(buildGrade(settings, EXERCISES, allPassed))).toBe('graded');
    const failed = new Map(allPassed);
    failed.set(train.id, { laws: new Map([[E2E, { status: 'failed', message: '0.1' }]]) });
    expect(statusOf(buildGrade(settings, EXERCISES, failed))).toBe('graded');
  });

  it("is 'timeout' when a law was stopped at its time limit", () => {
    const stopped = new Map(allPassed);
    stopped.set(train.id, { laws: new Map([[E2E, STOPPED]]) });
    expect(statusOf(buildGrade(settings, EXERCISES, stopped))).toBe('timeout');
  });
});
