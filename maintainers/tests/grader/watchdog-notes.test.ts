// The watchdog's notes (reports/.watchdog/, one per spec file) live only as long as a run: the
// reporter reads a stopped file's note into its grade, and nothing of them is left afterwards.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Grade } from '../../../grader/grade.ts';
import { KIT } from './kit-clone.ts';

// one exercise graded, its file stopped at 10 s of CPU time at worst, on a busy machine
const GRADE_TIMEOUT_MS = 300_000;
const temps: string[] = [];
const temp = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-notes-'));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** `npm test -- <id>` on the solutions into a report folder of its own; its partial grade. */
function gradeOne(id: string, reports: string, override?: string): Promise<Grade> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VITEST|DLFS_|FC_)/.test(key)),
  );
  const child = spawn(process.execPath, ['grader/cli.mjs', id], {
    cwd: KIT,
    env: {
      ...env,
      IMPL: 'solutions',
      FC_NUM_RUNS: '5', // the solutions pass at any count; few keep the run quick
      DLFS_REPORT_DIR: reports,
      NO_COLOR: '1',
      ...(override ? { DLFS_IMPL_OVERRIDE: `${id}=${override}` } : {}),
    },
    stdio: 'ignore',
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () =>
      resolve(JSON.parse(readFileSync(path.join(reports, 'grade.partial.json'), 'utf8'))),
    );
  });
}

describe.concurrent('the watchdog’s notes', () => {
  it(
    'are gone once a run is over',
    async () => {
      const reports = path.join(temp(), 'reports');
      const grade = await gradeOne('01_loss_functions', reports);
      expect(grade.score).toBe(grade.maxScore);
      expect(existsSync(path.join(reports, '.watchdog'))).toBe(false);
    },
    GRADE_TIMEOUT_MS,
  );

  it(
    'say why a stopped file’s laws timed out before they are removed',
    async () => {
      const dir = temp();
      const hang = path.join(dir, 'hang.ts');
      // the file never finishes loading, so the watchdog stops its process and leaves a note
      writeFileSync(
        hang,
        'export const numericalDiff = (f: (x: number) => number, x: number) => f(x);\n' +
          'while (true) {}\n',
      );
      const reports = path.join(dir, 'reports');
      const grade = await gradeOne('02_numerical_diff', reports, hang);
      const [exercise] = grade.exercises;
      expect(exercise.score).toBe(0);
      expect(exercise.loadError).toMatch(/^stopped while the exercise file loaded/);
      expect(exercise.tests.every((t) => t.status === 'timeout')).toBe(true);
      expect(existsSync(path.join(reports, '.watchdog'))).toBe(false);
    },
    GRADE_TIMEOUT_MS,
  );
});
