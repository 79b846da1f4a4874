// `npm run loadtest`: grades the reference on a machine kept busy on purpose, the way a
// Gradescope worker, a CI runner or a student's old laptop can be, and fails if correct code
// lost a single point. Beside four CPU-bound processes it runs, in turn:
//   1. the reference graded four at a time, twice (`IMPL=solutions npm test`, eight grades);
//   2. `npm run grade:batch -- <dir> --jobs 2` of four submissions copied from solutions/.
// It prints each grade's points lost and duration, and exits 1 if any point was lost.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Grade } from '../../grader/grade.ts';

const KIT = path.resolve(import.meta.dirname, '../..');

export interface Options {
  /** CPU-bound processes kept running beside the grades. */
  hogs: number;
  /** Reference grades run side by side in each round of scenario 1. */
  parallel: number;
  rounds: number;
  /** Submissions graded by scenario 2, and how many at a time. */
  submissions: number;
  jobs: number;
}

export interface Result {
  scenario: string;
  name: string;
  score: number;
  maxScore: number;
  /** The batch row's status, or the CLI's exit code for a plain grade. */
  status: string;
  seconds: number;
  /** The unmet laws, grouped by exercise, status and message. */
  lost: string[];
}

/** `python3 -c 'while True: pass'`, the noisy neighbour; Node's own where python3 is missing. */
function startHogs(count: number): ChildProcess[] {
  const python = spawnSync('python3', ['-c', 'pass']).status === 0;
  return Array.from({ length: count }, () =>
    python
      ? spawn('python3', ['-c', 'while True: pass'], { stdio: 'ignore' })
      : spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' }),
  );
}

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: KIT, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      resolve({ code, output, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

/** The unmet laws, one line per exercise and message: "07_… › 1 law timeout: stopped after …". */
function lostLaws(grade: Grade): string[] {
  const groups = new Map<string, number>();
  for (const e of grade.exercises) {
    for (const t of e.tests.filter((t) => t.status !== 'passed')) {
      const key = `${e.id} › ${t.status}: ${(t.message ?? '').split('\n')[0]}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
  }
  return [...groups].map(([key, n]) => `${n} law${n === 1 ? '' : 's'} of ${key}`);
}

/** Scenario 1: `rounds` rounds of `parallel` reference grades side by side. */
async function gradeReference(options: Options, temp: string): Promise<Result[]> {
  const results: Result[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const grades = Array.from({ length: options.parallel }, async (_, i) => {
      const name = `round ${round} · grade ${i + 1}`;
      const reports = path.join(temp, `reference-${round}-${i + 1}`);
      const { code, seconds, output } = await run(['grader/cli.mjs'], {
        IMPL: 'solutions',
        DLFS_REPORT_DIR: reports,
        NO_COLOR: '1',
      });
      mkdirSync(reports, { recursive: true });
      writeFileSync(path.join(reports, 'output.txt'), output);
      try {
        const grade = JSON.parse(readFileSync(path.join(reports, 'grade.json'), 'utf8')) as Grade;
        const status = `exit ${code}`;
        return { scenario: 'reference', name, ...scoreOf(grade, output), status, seconds };
      } catch {
        const lost = [`no grade.json: ${output.trim().split('\n').slice(-3).join(' / ')}`];
        return {
          scenario: 'reference',
          name,
          score: 0,
          maxScore: 0,
          status: 'none',
          seconds,
          lost,
        };
      }
    });
    results.push(...(await Promise.all(grades)));
  }
  return results;
}

/** The grade's points, its unmet laws, and what the grader itself reported going wrong. */
function scoreOf(grade: Grade, output: string) {
  const troubles = output.split('\n').filter((l) => /grader error|passed its limit/.test(l));
  return { score: grade.score, maxScore: grade.maxScore, lost: [...lostLaws(grade), ...troubles] };
}

/** Scenario 2: a batch of reference submissions, each a folder holding exercises/. */
async function gradeBatch(options: Options, temp: string): Promise<Result[]> {
  const submissions = path.join(temp, 'submissions');
  const out = path.join(temp, 'batch');
  for (let i = 1; i <= options.submissions; i++) {
    const dir = path.join(submissions, `reference-${i}`);
    mkdirSync(dir, { recursive: true });
    cpSync(path.join(KIT, 'solutions'), path.join(dir, 'exercises'), { recursive: true });
  }
  const tsx = path.join(KIT, 'node_modules/tsx/dist/cli.mjs');
  const args = [tsx, 'instructor/batch/index.ts', submissions, '--out', out];
  const { code, output } = await run([...args, '--jobs', String(options.jobs)], {});
  if (code !== 0) throw new Error(`grade:batch exited with ${code}:\n${output}`);
  const [header, ...lines] = readFileSync(path.join(out, 'grades.csv'), 'utf8').trim().split('\n');
  const column = (name: string) => header.split(',').indexOf(name);
  return lines.map((line) => {
    const cells = line.split(',');
    const student = cells[column('student')];
    const grade = JSON.parse(readFileSync(path.join(out, student, 'grade.json'), 'utf8')) as Grade;
    return {
      scenario: 'batch',
      name: student,
      ...scoreOf(grade, readFileSync(path.join(out, student, 'output.txt'), 'utf8')),
      status: cells[column('status')],
      seconds: Number(cells[column('seconds')]),
    };
  });
}

/** Runs both scenarios; `temp` holds every grade's reports and output, for a look at a loss. */
export async function loadTest(options: Options, temp: string): Promise<Result[]> {
  const hogs = startHogs(options.hogs);
  const stopHogs = () => hogs.forEach((hog) => hog.kill('SIGKILL'));
  process.once('exit', stopHogs);
  try {
    return [...(await gradeReference(options, temp)), ...(await gradeBatch(options, temp))];
  } finally {
    stopHogs();
    process.off('exit', stopHogs);
  }
}

function report(results: Result[], options: Options, seconds: number): number {
  const lost = results.reduce((sum, r) => sum + (r.maxScore - r.score), 0);
  console.log(
    `load test: ${options.hogs} CPU-bound processes on ${os.availableParallelism()} cores, ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  for (const r of results) {
    const points = `${r.score}/${r.maxScore}`.padStart(5);
    const flag = r.score === r.maxScore && r.maxScore > 0 ? '' : `  lost ${r.maxScore - r.score}`;
    console.log(
      `  ${r.scenario.padEnd(9)} ${r.name.padEnd(22)} ${points}  ${r.status.padEnd(8)} ${r.seconds.toFixed(1).padStart(6)} s${flag}`,
    );
    for (const law of r.lost) console.log(`      ${law}`);
  }
  const durations = (scenario: string) => {
    const s = results.filter((r) => r.scenario === scenario).map((r) => r.seconds);
    return s.length === 0 ? 'none' : `${Math.min(...s).toFixed(1)}–${Math.max(...s).toFixed(1)} s`;
  };
  console.log(
    `points lost: ${lost} over ${results.length} grades (reference ${durations('reference')}, ` +
      `batch ${durations('batch')}); the whole test took ${seconds.toFixed(0)} s`,
  );
  return lost;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      hogs: { type: 'string', default: '4' },
      parallel: { type: 'string', default: '4' },
      rounds: { type: 'string', default: '2' },
      submissions: { type: 'string', default: '4' },
      jobs: { type: 'string', default: '2' },
    },
  });
  const options: Options = {
    hogs: Number(values.hogs),
    parallel: Number(values.parallel),
    rounds: Number(values.rounds),
    submissions: Number(values.submissions),
    jobs: Number(values.jobs),
  };
  const before = os.loadavg()[0];
  const started = performance.now();
  const temp = mkdtempSync(path.join(os.tmpdir(), 'dlfs-load-'));
  const results = await loadTest(options, temp);
  console.log(`load average before the test: ${before.toFixed(1)}`);
  const lost = report(results, options, (performance.now() - started) / 1000);
  const passed = lost === 0 && results.every((r) => r.maxScore > 0);
  if (passed) rmSync(temp, { recursive: true, force: true });
  else console.log(`every grade's reports and output are kept in ${temp}`);
  process.exit(passed ? 0 : 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await main();
