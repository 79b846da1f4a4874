// vitest gives a spec file's process 60 s on the clock to start, and reports none of its laws
// when one takes longer, as on a very busy machine; npm test then grades again, so correct
// code keeps its points.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Grade } from '../../../grader/grade.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SLOW_START = path.join(ROOT, 'maintainers/tests/fixtures/busy/slow-start.mjs');

it('grades again when vitest could not start a spec file in time', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-start-'));
  try {
    const run = spawnSync(process.execPath, ['grader/cli.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        IMPL: 'solutions',
        FC_SEED: '',
        FC_PATH: '',
        FC_NUM_RUNS: '5', // the reference passes at any count; few keep the two grades quick
        DLFS_REPORT_DIR: path.join(dir, 'reports'),
        DLFS_SLOW_START_MARK: path.join(dir, 'slowed'),
        NODE_OPTIONS: `--import=${SLOW_START}`,
      },
    });
    expect(run.stderr).toMatch(/could not start the process of \d\d_\w+ .*; grading again/);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const grade = JSON.parse(readFileSync(path.join(dir, 'reports/grade.json'), 'utf8')) as Grade;
    expect(grade.score).toBe(grade.maxScore);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 600_000);
