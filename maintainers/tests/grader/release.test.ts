// npm run release: the student's kit holds no answers and no hidden laws, even when the
// instructor's own exercises/ are solved; it installs with npm ci from its own lock file, and
// grades cleanly: every exercise at 0, "not implemented yet". Each release is built from a
// clone of the kit (kit-clone.ts), since the stubs it ships are the ones git holds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grade } from '../../../grader/grade.ts';
import { CHECKSUM_FILE } from '../../../grader/integrity.ts';
import { EXERCISES } from '../../../grader/manifest/index.ts';
import * as kitRelease from '../../../instructor/release.ts';
import { cloneKit, git, importFrom, KIT, solveExercises } from './kit-clone.ts';

type Release = typeof kitRelease;
const { buildRelease, releaseFiles } = kitRelease;

// each release grades its own stubs, and a solved one grades the reference: a whole grade on a
// busy two-core machine, given room to spare, since what is checked is the score, not the speed
const GRADE_TIMEOUT_MS = 600_000;
// the release's total: the seven manifest files, without the instructor's hidden laws
const VISIBLE_MAX_SCORE = EXERCISES.flatMap((e) => e.laws)
  .filter((law) => !law.hidden)
  .reduce((total, law) => total + law.points, 0);
const STUB_FILES = EXERCISES.map((e) => `exercises/${e.id}.ts`);

/** A student's shell: none of this run's grader or vitest settings. */
function studentEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(VITEST|DLFS_|FC_|IMPL$|GRADER_|NODE_OPTIONS$)/.test(key),
    ),
  );
  return { ...env, ...extra };
}

const temps: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');

// an instructor's clone in which every exercise was tried, and not committed
let solved: string;
let dir: string;
let note: string;
beforeAll(async () => {
  solved = cloneKit();
  temps.push(solved);
  solveExercises(solved);
  const { buildRelease } = await importFrom<Release>(solved, 'instructor/release.ts');
  dir = temp('dlfs-release-');
  ({ note } = buildRelease(dir));
}, GRADE_TIMEOUT_MS);
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
}, GRADE_TIMEOUT_MS); // the release's node_modules, after npm ci, take a while to delete

describe('npm run release', () => {
  it('leaves out solutions/, the instructor’s and the maintainers’ folders', () => {
    const files = releaseFiles(dir);
    const top = new Set(files.map((f) => f.split('/')[0]));
    for (const gone of ['solutions', 'instructor', 'maintainers', '.ci'])
      expect(top.has(gone), gone).toBe(false);
    for (const kept of ['exercises/01_loss_functions.ts', 'grader/harness.ts', CHECKSUM_FILE])
      expect(files).toContain(kept);
  });

  it('ships the committed stubs byte for byte from a solved working copy, and names what it left behind', () => {
    const shipped = releaseFiles(dir).filter((f) => f.startsWith('exercises/'));
    expect(shipped).toEqual(STUB_FILES);
    for (const file of shipped) {
      expect(read(dir, file), file).toBe(git(solved, ['show', `HEAD:${file}`]));
      expect(read(dir, file), file).not.toBe(read(solved, file));
    }
    for (const file of STUB_FILES) expect(note).toContain(file);
    expect(note).toMatch(/only the committed stubs were used/);
  });

  it('keeps the lock file and points @impl at the stubs', () => {
    expect(read(dir, 'package-lock.json')).toBe(read(KIT, 'package-lock.json'));
    expect(read(dir, 'tsconfig.json')).toContain('"@impl/*": ["./exercises/*"]');
  });

  it('keeps only the scripts whose files it ships, and none that runs a dropped one', () => {
    const { scripts } = JSON.parse(read(dir, 'package.json')) as {
      scripts: Record<string, string>;
    };
    expect(Object.keys(scripts)).toEqual(
      expect.arrayContaining(['test', 'train', 'watch', 'figures']),
    );
    // the crashes (bench:step, mutation:*) and every maintainer's or instructor's tool
    for (const gone of [
      'check',
      'mutation',
      'mutation:src',
      'mutation:solutions',
      'mutation:summary',
      'bench',
      'bench:step',
      'gradescope',
      'grade:batch',
      'release',
      'test:kit',
    ])
      expect(scripts[gone], gone).toBeUndefined();
    for (const [name, command] of Object.entries(scripts)) {
      // every path a script names: 'tools/train.ts', './src/kernels/build.ts', 'maintainers/tests'
      for (const [file] of command.matchAll(/[\w.-]+(?:\/[\w.-]+)+/g))
        expect(existsSync(path.join(dir, file)), `${name}: ${command}`).toBe(true);
      for (const [, called] of command.matchAll(/npm run ([\w:-]+)/g))
        expect(scripts, `${name} runs npm run ${called}`).toHaveProperty([called]);
    }
  });

  it('ships a student README: no kit-only part, no maintainers’ npm run check', () => {
    const readme = read(dir, 'README.md');
    expect(readme).not.toMatch(/kit only/);
    expect(readme).not.toMatch(/npm run check/);
    for (const command of ['npm test', 'npm run train', 'npm run figures', 'npm run watch'])
      expect(readme).toContain(command);
  });

  it('records a checksum for every file the grade depends on, and none for the stubs', () => {
    const { files } = JSON.parse(readFileSync(path.join(dir, CHECKSUM_FILE), 'utf8')) as {
      files: Record<string, string>;
    };
    const names = Object.keys(files);
    for (const graded of [
      'spec/02_numerical_diff.spec.ts',
      'spec/support/close.ts',
      'grader/manifest.json',
      'src/functions.ts',
      'kernels/index.ts',
      'kernels/matmul.wasm',
      'vitest.config.ts',
      'package.json',
      'package-lock.json',
    ])
      expect(names).toContain(graded);
    expect(names.filter((f) => /^(exercises|tools)\//.test(f))).toEqual([]);
    expect(Object.values(files).every((sum) => /^[0-9a-f]{64}$/.test(sum))).toBe(true);
  });

  it('refuses a folder inside the kit or one that is not empty', () => {
    expect(() => buildRelease(path.join(KIT, 'release'))).toThrow(/inside the kit/);
    expect(() => buildRelease(dir)).toThrow(/not empty/);
  });

  it('refuses a kit that is not a git checkout, where no stub can be told from an answer', async () => {
    const copy = cloneKit();
    temps.push(copy);
    rmSync(path.join(copy, '.git'), { recursive: true, force: true });
    const { buildRelease } = await importFrom<Release>(copy, 'instructor/release.ts');
    const { StubError } = await importFrom<typeof import('../../../instructor/stubs.ts')>(
      copy,
      'instructor/stubs.ts',
    );
    const out = temp('dlfs-release-');
    expect(() => buildRelease(out)).toThrow(StubError);
    expect(() => buildRelease(out)).toThrow(/not a git checkout/);
  });

  it(
    'refuses to report a release whose committed exercises earn points, naming each',
    async () => {
      const committed = cloneKit();
      temps.push(committed);
      solveExercises(committed);
      git(committed, ['commit', '--quiet', '-am', 'an instructor commits their answers']);
      const { buildRelease, ReleaseError } = await importFrom<Release>(
        committed,
        'instructor/release.ts',
      );
      let error: unknown;
      try {
        buildRelease(temp('dlfs-release-'));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ReleaseError);
      const message = (error as Error).message;
      expect(message).toMatch(/its stubs earn points/);
      for (const file of STUB_FILES) expect(message).toMatch(new RegExp(`${file} [1-9]\\d*/\\d+`));
    },
    GRADE_TIMEOUT_MS,
  );

  it(
    'installs with npm ci and grades cleanly: 0 points, every law "not implemented yet"',
    () => {
      const install = spawnSync(
        'npm',
        ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
        { cwd: dir, env: studentEnv(), encoding: 'utf8' },
      );
      expect(install.status, install.stderr).toBe(0);

      const run = spawnSync(process.execPath, ['grader/cli.mjs'], {
        cwd: dir,
        env: studentEnv(),
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(1); // graded, and not full marks
      const grade = JSON.parse(readFileSync(path.join(dir, 'reports/grade.json'), 'utf8')) as Grade;
      expect([grade.score, grade.maxScore]).toEqual([0, VISIBLE_MAX_SCORE]);
      expect(grade.integrity).toEqual({ ok: true, modified: [], missing: [], added: [] });
      const tests = grade.exercises.flatMap((e) => e.tests);
      expect(tests.filter((t) => !/^not implemented yet/.test(t.message ?? ''))).toEqual([]);
      expect(tests.some((t) => 'hidden' in t)).toBe(false);
      expect(run.stdout).not.toMatch(/WARNING/);

      // the reference is not there to grade, and npm test says so instead of failing 7 loads
      const solutions = spawnSync(process.execPath, ['grader/cli.mjs'], {
        cwd: dir,
        env: studentEnv({ IMPL: 'solutions' }),
        encoding: 'utf8',
      });
      expect(solutions.status).toBe(2);
      expect(solutions.stderr).toMatch(/not part of a student release/);
    },
    // npm ci from the local cache, then a whole grade: no bound but a generous one
    GRADE_TIMEOUT_MS,
  );
});
