// Grades one submission exactly as `npm test` grades a student's own tree: a full run of
// grader/cli.mjs with its own report folder, pointed at a copy of the submission's
// exercises/ that sits beside a link to the kit's src/. The run gets its own process group,
// so a time limit ends everything it started. Its seed is the kit's (one for the class), or
// with seedFromName the student's own, derived from the submission's name as `npm run seed`.
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  openSync,
  closeSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { buildGrade, type Grade, type ModuleResult } from '../../grader/grade.ts';
import { EXERCISES } from '../../grader/manifest/index.ts';
import { writeFormats } from '../../grader/formats/index.ts';
import { RUN_CLOCK_PER_CPU } from '../../grader/run-limit.mjs';
import { seedFromId } from '../../grader/seed.mjs';
import { readSettings } from '../../grader/settings.mjs';
import type { Row } from './csv.ts';
import { studentOf, SubmissionError, unpackSubmission } from './unpack.ts';

const KIT = path.resolve(import.meta.dirname, '../..');
/** Past the run's own limit, how long the CLI gets to write its grade before it is stopped. */
const GRACE_MS = 5_000;

export interface GradeOptions {
  /** Where each student's copy goes while it is graded; removed afterwards. */
  workDir: string;
  /** Each student's reports go to <outDir>/<student>/. */
  outDir: string;
  /** The run's CPU time, its processes together; it gets six times as long on the clock. */
  timeLimitMs: number;
  /** Each student's own seed, from the submission's name (`npm run seed`); else one for all. */
  seedFromName?: boolean;
}

/** Where a seed derived from the submission's name says it came from, in every report. */
export const SEED_FROM_NAME = "the submission's name";

/** The seed settings a student's run gets: their own with seedFromName, else the kit's. */
function seedEnv(student: string, options: GradeOptions): NodeJS.ProcessEnv {
  if (!options.seedFromName) return {};
  return { FC_SEED: String(seedFromId(student)), DLFS_SEED_FROM: SEED_FROM_NAME };
}

export async function gradeSubmission(source: string, options: GradeOptions): Promise<Row> {
  const student = studentOf(source);
  const started = performance.now();
  const seeds = seedEnv(student, options);
  const reportDir = path.join(options.outDir, student);
  const work = path.join(options.workDir, student);
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  const finish = (grade: Grade, status: string): Row => ({
    student,
    grade,
    status,
    seconds: (performance.now() - started) / 1000,
  });
  try {
    unpackSubmission(source, path.join(work, 'exercises'));
  } catch (error) {
    if (!(error instanceof SubmissionError)) throw error;
    return finish(
      zeroGrade(reportDir, `the submission could not be read: ${error.message}`, false, seeds),
      `no exercises: ${error.message}`,
    );
  }
  symlinkSync(path.join(KIT, 'src'), path.join(work, 'src'), 'dir');
  try {
    const stopped = await run(work, reportDir, options.timeLimitMs, seeds);
    const file = path.join(reportDir, 'grade.json');
    // a run stopped at its limit leaves the reporter's provisional grade: all zeros, honest
    if (existsSync(file)) {
      const grade = JSON.parse(readFileSync(file, 'utf8')) as Grade;
      return finish(grade, stopped ? 'time limit' : statusOf(grade));
    }
    const why = stopped
      ? `the run passed its time limit (${options.timeLimitMs / 1000} s of CPU time)`
      : 'the grader stopped without a grade';
    return finish(zeroGrade(reportDir, why, stopped, seeds), stopped ? 'time limit' : 'crashed');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A finished run's status: 'timeout' where any law was stopped at its time limit. */
export function statusOf(grade: Grade): 'graded' | 'timeout' {
  const timedOut = grade.exercises.some((e) => e.tests.some((t) => t.status === 'timeout'));
  return timedOut ? 'timeout' : 'graded';
}

/** Runs the CLI; resolves true when the time limit had to stop it. */
function run(
  work: string,
  reportDir: string,
  timeLimitMs: number,
  seeds: NodeJS.ProcessEnv,
): Promise<boolean> {
  const log = openSync(path.join(reportDir, 'output.txt'), 'w');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...seeds,
    IMPL: 'exercises',
    DLFS_IMPL_DIR: path.join(work, 'exercises'),
    DLFS_REPORT_DIR: reportDir,
    GRADER_TIME_LIMIT_MS: String(timeLimitMs),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  delete env.DLFS_IMPL_OVERRIDE;
  const child = spawn(process.execPath, [path.join(KIT, 'grader/cli.mjs')], {
    cwd: KIT,
    env,
    stdio: ['ignore', log, log],
    detached: true, // its own process group, so one kill ends vitest and its workers too
  });
  return new Promise((resolve) => {
    let stopped = false;
    const timer = setTimeout(
      () => {
        stopped = true;
        killGroup(child.pid);
      },
      RUN_CLOCK_PER_CPU * timeLimitMs + GRACE_MS,
    ); // the CLI's limit on the clock, then ours
    child.on('exit', (code) => {
      clearTimeout(timer);
      killGroup(child.pid); // workers the run left behind
      closeSync(log);
      const output = readFileSync(path.join(reportDir, 'output.txt'), 'utf8');
      resolve(stopped || (code !== 0 && /the run passed its limit/.test(output)));
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group has already ended
  }
}

/** The grade of a run that never produced one: every exercise, each at 0 of its full maximum. */
function zeroGrade(
  reportDir: string,
  why: string,
  timedOut: boolean,
  seeds: NodeJS.ProcessEnv,
): Grade {
  const result: ModuleResult = { moduleError: why, timedOut, laws: new Map() };
  const grade = buildGrade(
    readSettings({ ...process.env, ...seeds, IMPL: 'exercises' }),
    EXERCISES,
    new Map(EXERCISES.map((e) => [e.id, result])),
  );
  writeFileSync(path.join(reportDir, 'grade.json'), JSON.stringify(grade, null, 2) + '\n');
  writeFormats(grade, reportDir);
  return grade;
}
