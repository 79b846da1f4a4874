// `npm run coverage`: which lines and branches of the graded tree the specs reached, by c8.
// It runs the grade project once with vitest's coverage on, taken by provider.ts, which hands
// each snapshot to both c8 (see collect.ts why c8 needs it) and vitest's own v8 report, then
// asks c8 for text, HTML and lcov reports in coverage/ and compares the two (agree.ts).
// `-- --kit` also runs the kit's tests and reports src/ and kernels/, the way `npm run check`
// measures the reference: `IMPL=solutions npm run coverage -- --kit`. `-- --compare` prints the comparison
// file by file and exits 1 if the two disagree.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSettings } from '../../grader/settings.mjs';
import { compareCoverage, type CoverageMap, type FileAgreement } from './agree.ts';
import { describeAgreement } from './agree-table.ts';

export interface FileCoverage {
  lines: number;
  branches: number;
}

export interface CoverageRun {
  /** Percent of lines and branches covered, per file relative to the root. */
  files: Map<string, FileCoverage>;
  /** c8 and vitest's v8 report of the same run, file by file. */
  agreement: FileAgreement[];
  output: string;
}

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const vitestBin = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const c8Bin = path.join(path.dirname(require.resolve('c8/package.json')), 'bin', 'c8.js');

export function coverage(options: {
  impl: string;
  kit: boolean;
  reportsDir: string;
  reporters: string[];
  specs?: string[];
  /** The folders reported; by default the graded tree, and src/ and kernels/ with the kit's tests. */
  trees?: string[];
}): CoverageRun {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'dlfs-c8-'));
  const config = path.join('maintainers', 'coverage', 'vitest.config.ts');
  const projects = ['--project', 'grade', ...(options.kit ? ['--project', 'kit'] : [])];
  const trees = options.trees ?? [options.impl, ...(options.kit ? ['src', 'kernels'] : [])];
  const v8Dir = path.join(options.reportsDir, 'v8');
  const v8Options = [
    `--coverage.reportsDirectory=${v8Dir}`,
    '--coverage.reporter=json',
    '--coverage.reportOnFailure=true', // c8 reports a run with failures; so must vitest
    // as c8's --all: files no spec loaded count too, even when only some specs run
    '--coverage.cleanOnRerun=false',
    // from the root: vitest matches a glob anywhere in the path, so src/ would take maintainers/tests/src/ too
    ...trees.map((tree) => `--coverage.include=${path.join(root, tree)}/**/*.ts`),
  ];
  const before = stamps(trees);
  const tests = spawnSync(
    process.execPath,
    [
      vitestBin,
      'run',
      '--config',
      config,
      ...projects,
      ...v8Options,
      '--reporter',
      'dot',
      ...(options.specs ?? []),
    ],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        NO_COLOR: '1',
        IMPL: options.impl,
        DLFS_C8_TEMP: path.join(temp, 'raw'),
        DLFS_REPORT_DIR: path.join(temp, 'reports'),
      },
    },
  );
  const report = spawnSync(
    process.execPath,
    [
      c8Bin,
      'report',
      '--temp-directory',
      path.join(temp, 'raw'),
      '--reports-dir',
      options.reportsDir,
      '--all',
      ...trees.flatMap((tree) => ['--include', `${tree}/**/*.ts`]),
      ...[...options.reporters, 'json-summary', 'json'].flatMap((r) => ['--reporter', r]),
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  rmSync(temp, { recursive: true, force: true });
  // the dot reporter's row of dots says nothing the summary below it does not
  const testsOut = `${tests.stdout}${tests.stderr}`.replace(/^[·×\-*x\s]+$/gm, '').trim();
  const output = `${testsOut}\n\n${report.stdout}${report.stderr}`;
  const agreement = compareCoverage(
    readMap(path.resolve(root, options.reportsDir)),
    readMap(path.resolve(root, v8Dir)),
  );
  // each process ran the version it loaded, and both reporters map it onto the one on disk
  const after = stamps(trees);
  for (const row of agreement) {
    if (before.get(row.file) !== after.get(row.file)) {
      row.problems.unshift('the file changed during the run, so neither report holds: run again');
    }
  }
  return { files: readSummary(path.resolve(root, options.reportsDir)), agreement, output };
}

/** When each TypeScript file of the trees was last written, by absolute path. */
function stamps(trees: string[]): Map<string, number> {
  const times = new Map<string, number>();
  for (const tree of trees) {
    for (const name of readdirSync(path.join(root, tree), { recursive: true, encoding: 'utf8' })) {
      const file = path.join(root, tree, name);
      if (file.endsWith('.ts')) times.set(file, statSync(file).mtimeMs);
    }
  }
  return times;
}

function readMap(dir: string): CoverageMap {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'coverage-final.json'), 'utf8'));
  } catch {
    return {};
  }
}

function readSummary(dir: string): Map<string, FileCoverage> {
  const files = new Map<string, FileCoverage>();
  let summary: Record<string, { lines: { pct: number }; branches: { pct: number } }>;
  try {
    summary = JSON.parse(readFileSync(path.join(dir, 'coverage-summary.json'), 'utf8'));
  } catch {
    return files;
  }
  for (const [file, entry] of Object.entries(summary)) {
    if (file === 'total') continue;
    files.set(path.relative(root, file), { lines: entry.lines.pct, branches: entry.branches.pct });
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { impl } = readSettings();
  const kit = process.argv.includes('--kit');
  const compare = process.argv.includes('--compare');
  const specs = process.argv.slice(2).filter((a) => a !== '--kit' && a !== '--compare');
  const run = coverage({ impl, kit, specs, reportsDir: 'coverage', reporters: ['text', 'html', 'lcov'] });
  console.log(run.output.trimEnd());
  const differing = run.agreement.filter((row) => row.problems.length > 0).length;
  if (compare) console.log(`\n${describeAgreement(run.agreement, root)}`);
  else {
    console.log(
      differing === 0
        ? `\nvitest's v8 coverage of the same run agrees with c8 on all ${run.agreement.length} files (--compare shows them)`
        : `\nvitest's v8 coverage of the same run disagrees with c8 on ${differing} files: run with --compare`,
    );
  }
  console.log(`\ncoverage: open coverage/index.html for the lines and branches your tree reached`);
  if (compare && differing > 0) process.exitCode = 1;
}
