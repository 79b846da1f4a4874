// Grades the solutions with hostile files swapped in for some exercises, the way a class's
// worst submissions would arrive, and checks that each costs its own exercise only. Several
// exercises can be hostile in one run: each spec file has its own process, so this is the
// same isolation with fewer runs (each full grading takes seconds of CPU).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Grade } from '../../../grader/grade.ts';
import { RUN_CLOCK_PER_CPU, treeCpuMs } from '../../../grader/run-limit.mjs';
import { EXERCISES } from '../../../grader/manifest/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(ROOT, 'maintainers/tests/fixtures/hostile');
/**
 * The CPU time every run must finish within, its processes together (grader/run-limit.mjs).
 * A hung load, a hung law and a stalled file are each stopped at 10 s of CPU time (code that
 * waits without computing, at a limit on the clock), so a run with a few stays well inside it.
 * The CPU time, unlike the clock, does not grow when the machine is busy.
 */
export const RUN_BOUND_MS = 100_000;
/** Vitest's limit for one test: the run's limit on the clock (six times its CPU limit), and room to start. */
export const TEST_TIMEOUT_MS = RUN_CLOCK_PER_CPU * RUN_BOUND_MS + 60_000;
const NUM_RUNS = 5; // the honest exercises pass at any count; few keep the runs quick

export interface Run {
  grade: Grade;
  seconds: number;
  /** The run's CPU time, its processes together, as last sampled; the clock's where there is no /proc. */
  cpuSeconds: number;
  /** Every file the run left in its temporary folder, relative to it. */
  files: string[];
  output: string;
}

/** `fixtures` maps an exercise id to a file in maintainers/tests/fixtures/hostile/ ('x.ts.txt' is copied to 'x.ts'). */
export function gradeWith(fixtures: Record<string, string>): Promise<Run> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-hostile-'));
  const reports = path.join(dir, 'reports');
  const overrides = Object.entries(fixtures).map(([id, name]) => {
    if (!name.endsWith('.txt')) return `${id}=${path.join(FIXTURES, name)}`;
    const copy = path.join(dir, name.replace(/\.txt$/, ''));
    copyFileSync(path.join(FIXTURES, name), copy);
    return `${id}=${copy}`;
  });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(process.execPath, ['grader/cli.mjs'], {
      cwd: ROOT,
      env: {
        ...process.env,
        IMPL: 'solutions',
        FC_SEED: '',
        FC_PATH: '',
        FC_NUM_RUNS: String(NUM_RUNS),
        GRADER_TIME_LIMIT_MS: String(RUN_BOUND_MS),
        DLFS_REPORT_DIR: reports,
        DLFS_IMPL_OVERRIDE: overrides.join(','),
      },
    });
    let cpuMs: number | undefined;
    const sampler = setInterval(() => (cpuMs = treeCpuMs(child.pid!) ?? cpuMs), 250);
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', () => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      const cpuSeconds = cpuMs === undefined ? seconds : cpuMs / 1000;
      try {
        const grade = JSON.parse(readFileSync(path.join(reports, 'grade.json'), 'utf8')) as Grade;
        const files = listFiles(dir);
        rmSync(dir, { recursive: true, force: true });
        resolve({ grade, seconds, cpuSeconds, files, output });
      } catch (error) {
        reject(new Error(`no grade.json after ${seconds.toFixed(1)} s: ${error}\n${output}`));
      }
    });
  });
}

/**
 * The isolation claim: every exercise appears with its full maxScore; each hostile one earns
 * what `expected` says, with every unmet law's message matching its pattern; every other
 * exercise earns full marks; the total is their sum; nothing but the report was written.
 */
export function expectIsolated(
  run: Run,
  expected: Record<string, { score: number; message: RegExp; status?: string }>,
): void {
  const { grade } = run;
  expect(grade.exercises.map((e) => e.id)).toEqual(EXERCISES.map((e) => e.id));
  for (const entry of EXERCISES) {
    const got = grade.exercises.find((e) => e.id === entry.id)!;
    const maxScore = entry.laws.reduce((sum, law) => sum + law.points, 0);
    expect(got.maxScore, entry.id).toBeGreaterThanOrEqual(maxScore); // hidden laws may add
    const hostile = expected[entry.id];
    if (!hostile) {
      expect(got.score, `${entry.id} is not hostile`).toBe(got.maxScore);
      continue;
    }
    expect(got.score, entry.id).toBe(hostile.score);
    for (const test of got.tests.filter((t) => t.status !== 'passed')) {
      expect(test.message, `${entry.id} › ${test.name}`).toMatch(hostile.message);
      if (hostile.status) expect(test.status, `${entry.id} › ${test.name}`).toBe(hostile.status);
    }
  }
  expect(grade.score).toBe(grade.exercises.reduce((sum, e) => sum + e.score, 0));
  expect(run.cpuSeconds * 1000).toBeLessThan(RUN_BOUND_MS);
  // the reporter may write several formats into reports/; a forged grade.partial.json, or
  // anything outside reports/ other than the copied fixtures, means a submission wrote it
  const stray = run.files.filter(
    (f) => f === 'reports/grade.partial.json' || !(f.startsWith('reports/') || f.endsWith('.ts')),
  );
  expect(stray, 'files a submission wrote').toEqual([]);
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = path.posix.join(prefix, entry.name);
    return entry.isDirectory() ? listFiles(dir, name) : [name];
  });
}
