// An instructor's hidden laws (instructor/hidden/): merged into the manifest when the folder is
// there, graded with their exercise, marked `hidden` in grade.json and on Gradescope.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gradeExercise, mergeResults, type Grade } from '../../../grader/grade.ts';
import { visibilityOf } from '../../../grader/formats/index.ts';
import { extractManifest } from '../../../grader/manifest/extract.mjs';
import { EXERCISES } from '../../../grader/manifest/index.ts';
import { exerciseIdOf } from '../../../grader/reporter.ts';

const KIT = path.resolve(import.meta.dirname, '../../..');
const GRADE_TIMEOUT_MS = 120_000;
const LOSS = '01_loss_functions';
const HIDDEN_SPEC = 'instructor/hidden/01_loss_functions.hidden.spec.ts';
const hiddenNames = [
  'a t with as many elements as y but another shape is refused, not read as one-hot',
];

const reports = mkdtempSync(path.join(os.tmpdir(), 'dlfs-hidden-'));
afterAll(() => rmSync(reports, { recursive: true, force: true }));

/** Grades one exercise of the kit in a shell without this run's grader settings. */
function gradeOne(impl: string, id: string): Grade {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VITEST|DLFS_|FC_|IMPL$)/.test(key)),
  );
  const dir = path.join(reports, impl);
  spawnSync(process.execPath, ['grader/cli.mjs', id], {
    cwd: KIT,
    env: { ...env, IMPL: impl, DLFS_REPORT_DIR: dir },
    encoding: 'utf8',
  });
  return JSON.parse(readFileSync(path.join(dir, 'grade.partial.json'), 'utf8')) as Grade;
}

describe('hidden laws in the manifest', () => {
  it('follow the visible laws of their exercise, each marked hidden', () => {
    const entry = EXERCISES.find((e) => e.id === LOSS)!;
    const hidden = entry.laws.filter((law) => law.hidden);
    expect(hidden.map((law) => law.name)).toEqual(hiddenNames);
    expect(entry.laws.slice(-hidden.length)).toEqual(hidden);
    expect(hidden.every((law) => law.points > 0 && law.hint.length > 0)).toBe(true);
  });

  it('are read off the hidden spec, after the visible laws, which they never replace', () => {
    const manifest = extractManifest(KIT);
    expect(Object.keys(manifest.sources)).toContain(HIDDEN_SPEC);
    const laws = manifest.exercises.find((e) => e.id === LOSS)!.laws;
    const firstHidden = laws.findIndex((law) => law.hidden);
    expect(laws.slice(firstHidden).every((law) => law.hidden)).toBe(true);
    expect(laws.slice(0, firstHidden).every((law) => !law.hidden)).toBe(true);
  });

  it('map their spec file to its exercise', () => {
    expect(exerciseIdOf('/kit/instructor/hidden/01_loss_functions.hidden.spec.ts')).toBe(LOSS);
    expect(exerciseIdOf('/kit/spec/01_loss_functions.spec.ts')).toBe(LOSS);
    expect(exerciseIdOf('/kit/spec/support/close.ts')).toBeUndefined();
  });
});

describe('grading hidden laws', () => {
  it('merges the two files of an exercise; a load failure of either reaches the missing laws', () => {
    const entry = EXERCISES.find((e) => e.id === LOSS)!;
    const visible = new Map(
      entry.laws.filter((l) => !l.hidden).map((l) => [l.name, { status: 'passed' as const }]),
    );
    const merged = mergeResults({ laws: visible }, { moduleError: 'it broke', laws: new Map() });
    const grade = gradeExercise(entry, merged);
    const hidden = grade.tests.filter((t) => t.hidden);
    expect(hidden.map((t) => [t.name, t.status, t.message])).toEqual(
      hiddenNames.map((name) => [name, 'error', 'it broke']),
    );
    expect(grade.score).toBe(grade.maxScore - hidden.length);
  });

  it('shows a hidden law with points on Gradescope once grades are published', () => {
    const entry = EXERCISES.find((e) => e.id === LOSS)!;
    const test = gradeExercise(entry, undefined).tests.find((t) => t.hidden)!;
    expect(visibilityOf(test)).toBe('after_published');
  });

  it(
    'earns its points on the reference and none on the stub, where it is "not implemented yet"',
    () => {
      const solved = gradeOne('solutions', LOSS).exercises[0];
      expect(solved.score).toBe(solved.maxScore);
      expect(solved.tests.filter((t) => t.hidden).map((t) => [t.name, t.status])).toEqual(
        hiddenNames.map((name) => [name, 'passed']),
      );
      const stub = gradeOne('exercises', LOSS).exercises[0];
      expect(stub.tests.filter((t) => t.hidden).map((t) => [t.points, t.message])).toEqual(
        hiddenNames.map(() => [0, expect.stringMatching(/^not implemented yet/)]),
      );
    },
    GRADE_TIMEOUT_MS,
  );
});
