// npm run release: the student's kit holds no answers and no hidden laws, installs with
// npm ci from its own lock file, and grades cleanly: every exercise at 0, "not implemented yet".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grade } from '../../../grader/grade.ts';
import { CHECKSUM_FILE } from '../../../grader/integrity.ts';
import { EXERCISES } from '../../../grader/manifest/index.ts';
import { buildRelease, releaseFiles } from '../../../instructor/release.ts';

const KIT = path.resolve(import.meta.dirname, '../../..');
const INSTALL_TIMEOUT_MS = 180_000; // npm ci from the local cache takes about 25 s on 2 cores
// the release's total: the seven manifest files, without the instructor's hidden laws
const VISIBLE_MAX_SCORE = EXERCISES.flatMap((e) => e.laws)
  .filter((law) => !law.hidden)
  .reduce((total, law) => total + law.points, 0);

/** A student's shell: none of this run's grader or vitest settings. */
function studentEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(VITEST|DLFS_|FC_|IMPL$|GRADER_|NODE_OPTIONS$)/.test(key),
    ),
  );
  return { ...env, ...extra };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-release-'));
  buildRelease(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run release', () => {
  it('leaves out solutions/, the instructor’s and the maintainers’ folders', () => {
    const files = releaseFiles(dir);
    const top = new Set(files.map((f) => f.split('/')[0]));
    for (const gone of ['solutions', 'instructor', 'maintainers', '.ci'])
      expect(top.has(gone), gone).toBe(false);
    for (const kept of ['exercises/01_loss_functions.ts', 'grader/harness.ts', CHECKSUM_FILE])
      expect(files).toContain(kept);
  });

  it('keeps the stubs byte for byte and the student scripts only', () => {
    const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');
    for (const file of releaseFiles(dir).filter((f) => f.startsWith('exercises/')))
      expect(read(dir, file), file).toBe(read(KIT, file));
    const { scripts } = JSON.parse(read(dir, 'package.json')) as {
      scripts: Record<string, string>;
    };
    expect(Object.keys(scripts)).toEqual(expect.arrayContaining(['test', 'train', 'watch']));
    for (const gone of [
      'check',
      'mutation',
      'mutation:src',
      'bench',
      'gradescope',
      'grade:batch',
      'release',
    ])
      expect(scripts[gone], gone).toBeUndefined();
    expect(read(dir, 'package-lock.json')).toBe(read(KIT, 'package-lock.json'));
    expect(read(dir, 'tsconfig.json')).toContain('"@impl/*": ["./exercises/*"]');
  });

  it('records a checksum for every file the grade depends on, and none for the stubs', () => {
    const { files } = JSON.parse(readFileSync(path.join(dir, CHECKSUM_FILE), 'utf8')) as {
      files: Record<string, string>;
    };
    const names = Object.keys(files);
    for (const graded of [
      'spec/02_numerical_diff.spec.ts',
      'spec/support/close.ts',
      'grader/manifest/01_loss_functions.ts',
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

  it(
    'installs with npm ci and grades cleanly: 0 points, every law "not implemented yet"',
    () => {
      const install = spawnSync(
        'npm',
        ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
        { cwd: dir, env: studentEnv(), encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS },
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
    INSTALL_TIMEOUT_MS + 120_000,
  );
});
