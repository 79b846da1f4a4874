// An instructor's hidden laws (instructor/hidden/): merged into the manifest when the folder is
// there, graded with their exercise, marked `hidden` in grade.json and on Gradescope.
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeExercise, mergeResults, type Grade } from '../../../grader/grade.ts';
import { visibilityOf } from '../../../grader/formats/index.ts';
import { extractManifest } from '../../../grader/manifest/extract.mjs';
import { EXERCISES } from '../../../grader/manifest/index.ts';
import { exerciseIdOf } from '../../../grader/reporter.ts';
import { cloneKit, importFrom } from './kit-clone.ts';

const KIT = path.resolve(import.meta.dirname, '../../..');
const GRADE_TIMEOUT_MS = 120_000;
const LOSS = '01_loss_functions';
const HIDDEN_SPEC = 'instructor/hidden/01_loss_functions.hidden.spec.ts';
const hiddenNames = [
  'a t with as many elements as y but another shape is refused, not read as one-hot',
];

const reports = mkdtempSync(path.join(os.tmpdir(), 'dlfs-hidden-'));
const clones: string[] = [];
afterAll(() => {
  for (const dir of [reports, ...clones]) rmSync(dir, { recursive: true, force: true });
});

/** A shell without this run's grader or vitest settings. */
const cleanEnv = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VITEST|DLFS_|FC_|IMPL$)/.test(key)),
  );

/** Grades one exercise of the kit in a shell without this run's grader settings. */
function gradeOne(impl: string, id: string): Grade {
  const env = cleanEnv();
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

describe('a hidden spec that declares a law wrongly', () => {
  // an instructor's typo: a law worth 0 points, which would cost every student the exercise
  const BROKEN = "\nlaw('x', { name: 'n', points: 0, hint: 'h' }, () => {});\n";
  const PROBLEM =
    /instructor\/hidden\/01_loss_functions\.hidden\.spec\.ts:\d+: law 'x' of 01_loss_functions: its points \(0\) are not a positive whole number/;
  let kit: string;
  beforeAll(() => {
    kit = cloneKit();
    clones.push(kit);
    appendFileSync(path.join(kit, HIDDEN_SPEC), BROKEN);
  });
  const out = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-hidden-out-'));
    clones.push(dir);
    return dir;
  };
  /** An instructor's command in the clone: `npm run <script> -- <out>`, through tsx. */
  const runTool = (script: string, target: string) =>
    spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, target], {
      cwd: kit,
      env: cleanEnv(),
      encoding: 'utf8',
    });

  it('stops the release with a ManifestError before it writes a file, and npm run release exits 2', async () => {
    const { buildRelease } = await importFrom<typeof import('../../../instructor/release.ts')>(
      kit,
      'instructor/release.ts',
    );
    const target = out();
    let error: unknown;
    try {
      buildRelease(target);
    } catch (e) {
      error = e;
    }
    expect((error as Error)?.name).toBe('ManifestError');
    expect((error as Error).message).toMatch(PROBLEM);
    expect(readdirSync(target)).toEqual([]);
    const run = runTool('instructor/release.ts', out());
    expect([run.status, run.stderr]).toEqual([2, expect.stringMatching(PROBLEM)]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops the Gradescope bundle likewise, and npm run gradescope exits 2', async () => {
    const { buildBundle } = await importFrom<
      typeof import('../../../instructor/gradescope/build.ts')
    >(kit, 'instructor/gradescope/build.ts');
    const target = path.join(out(), 'autograder');
    expect(() => buildBundle(target)).toThrow(PROBLEM);
    expect(existsSync(target)).toBe(false);
    const run = runTool('instructor/gradescope/build.ts', path.join(out(), 'autograder.zip'));
    expect([run.status, run.stderr]).toEqual([2, expect.stringMatching(PROBLEM)]);
  });

  it('stops npm test with exit 2 and the instructor’s message, grading nothing', () => {
    const dir = out();
    const run = spawnSync(process.execPath, ['grader/cli.mjs'], {
      cwd: kit,
      env: { ...cleanEnv(), DLFS_REPORT_DIR: dir },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/the specs declare their laws wrongly, so nothing was graded/);
    expect(run.stderr).toMatch(PROBLEM);
    expect(readdirSync(dir)).toEqual([]);
  });
});
