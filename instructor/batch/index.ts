// `npm run grade:batch -- <submissions> [--out dir] [--jobs n] [--time-limit seconds]
// [--seed-from-name]`: grades a whole class, each submission (a folder or a .zip holding
// exercises/) by a full run of the grader, a few at a time, with one seed for all or, with
// --seed-from-name, each student's own from the submission's name. Writes <out>/grades.csv
// and each student's grade.json (with results.json, junit.xml and classroom.json) under
// <out>/<student>/.
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { EXERCISES } from '../../grader/manifest/index.ts';
import { toCsv, type Row } from './csv.ts';
import { gradeSubmission } from './grade-one.ts';

/** One grading run per core: each run is one vitest process at a time per spec file. */
const DEFAULT_JOBS = os.availableParallelism();
/**
 * Of CPU time, the run's processes together (grader/run-limit.mjs), and six times that on the
 * clock: a full grade uses 12–15 s of CPU however busy the machine, so a run at 120 s is stuck.
 */
const DEFAULT_TIME_LIMIT_S = 120;

export interface BatchOptions {
  outDir: string;
  jobs: number;
  timeLimitMs: number;
  /** Each submission's seed from its name (`npm run seed -- <name>`); else one seed for all. */
  seedFromName?: boolean;
  /** Called after each submission, in the order they finish. */
  onGraded?: (row: Row, done: number, total: number) => void;
}

/** The submissions in a folder: its sub-folders and .zip files, by name. */
export function listSubmissions(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || /\.zip$/i.test(e.name)))
    .map((e) => path.join(dir, e.name))
    .sort();
}

export async function gradeBatch(
  submissions: readonly string[],
  options: BatchOptions,
): Promise<Row[]> {
  mkdirSync(options.outDir, { recursive: true });
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-batch-'));
  const rows: Row[] = new Array(submissions.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < submissions.length) {
      const i = next++;
      rows[i] = await gradeSubmission(submissions[i], {
        workDir,
        outDir: options.outDir,
        timeLimitMs: options.timeLimitMs,
        seedFromName: options.seedFromName,
      });
      options.onGraded?.(rows[i], ++done, submissions.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.jobs) }, worker));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  writeFileSync(
    path.join(options.outDir, 'grades.csv'),
    toCsv(
      rows,
      EXERCISES.map((e) => e.id),
    ),
  );
  return rows;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: path.join('reports', 'batch') },
      jobs: { type: 'string', default: String(DEFAULT_JOBS) },
      'time-limit': { type: 'string', default: String(DEFAULT_TIME_LIMIT_S) },
      'seed-from-name': { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) {
    console.error(
      'usage: npm run grade:batch -- <submissions dir> [--out dir] [--jobs n] [--time-limit s] ' +
        '[--seed-from-name]',
    );
    process.exit(2);
  }
  const submissions = listSubmissions(positionals[0]);
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        { format: 'grading |{bar}| {value}/{total} · {student}', hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(submissions.length, 0, { student: '' });
  const started = performance.now();
  const rows = await gradeBatch(submissions, {
    outDir: values.out,
    jobs: Number(values.jobs),
    timeLimitMs: Number(values['time-limit']) * 1000,
    seedFromName: values['seed-from-name'],
    onGraded: (row, done, total) => {
      if (bar) bar.update(done, { student: row.student });
      else
        console.log(
          `[${done}/${total}] ${row.student}: ${row.grade.score}/${row.grade.maxScore} (${row.status}, ${row.seconds.toFixed(1)} s)`,
        );
    },
  });
  bar?.stop();
  const minutes = (performance.now() - started) / 60_000;
  console.log(
    `graded ${rows.length} submissions in ${(minutes * 60).toFixed(0)} s ` +
      `(${(rows.length / minutes).toFixed(1)} per minute, ${values.jobs} at a time): ` +
      path.join(values.out, 'grades.csv'),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await main();
