// The grading time: a cold full grade of the reference (`IMPL=solutions npm test`) against
// vitest's own floor, one trivial test in a bare project, both as fresh processes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GRADE_TIMEOUT_MS = 5 * 60_000;

export interface GradingTimes {
  npmTestSeconds: number; // `npm test`, npm's own start-up included
  graderSeconds: number; // `node grader/cli.mjs`, what npm test runs
  floorSeconds: number; // vitest run on one trivial test
  score: string; // the grade the timed run gave, e.g. '70/70'
}

function timed(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const start = performance.now();
  const run = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: GRADE_TIMEOUT_MS });
  const seconds = (performance.now() - start) / 1000;
  if (run.error) throw new Error(`${cmd} ${args.join(' ')}: ${run.error.message}`);
  return { seconds, status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** vitest's floor: a temp project holding one test and a minimal config (globals, no imports). */
function vitestFloor(root: string): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlfs-vitest-floor-'));
  try {
    fs.writeFileSync(path.join(dir, 'trivial.test.mjs'), "test('one', () => expect(1).toBe(1));\n");
    fs.writeFileSync(
      path.join(dir, 'vitest.config.mjs'),
      "export default { test: { globals: true, include: ['trivial.test.mjs'] } };\n",
    );
    const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
    const run = timed(process.execPath, [vitest, 'run', '--root', dir], dir, process.env);
    if (run.status !== 0) throw new Error(`the trivial vitest run failed:\n${run.output}`);
    return run.seconds;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function measureGrading(root: string): GradingTimes {
  const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'dlfs-bench-grade-'));
  // a private report dir, so the bench never overwrites the student's reports/grade.json
  const env = { ...process.env, IMPL: 'solutions', DLFS_REPORT_DIR: reports };
  try {
    const npm = timed('npm', ['test', '--silent'], root, env);
    const grader = timed(process.execPath, ['grader/cli.mjs'], root, env);
    const grade = JSON.parse(fs.readFileSync(path.join(reports, 'grade.json'), 'utf8'));
    return {
      npmTestSeconds: npm.seconds,
      graderSeconds: grader.seconds,
      floorSeconds: vitestFloor(root),
      score: `${grade.score}/${grade.maxScore}`,
    };
  } finally {
    fs.rmSync(reports, { recursive: true, force: true });
  }
}
