// `npm run coverage`: which lines and branches of the graded tree the specs reached, by c8.
// It runs the grade project under collect.ts (see there why c8 needs it), then asks c8 for
// text, HTML and lcov reports in coverage/. `-- --kit` also runs the kit's tests and reports
// src/, the way `npm run check` measures the reference: `IMPL=solutions npm run coverage -- --kit`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSettings } from '../settings.mjs';

export interface FileCoverage {
  lines: number;
  branches: number;
}

export interface CoverageRun {
  /** Percent of lines and branches covered, per file relative to the root. */
  files: Map<string, FileCoverage>;
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
}): CoverageRun {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'dlfs-c8-'));
  const config = path.join('grader', 'coverage', 'vitest.config.ts');
  const projects = ['--project', 'grade', ...(options.kit ? ['--project', 'kit'] : [])];
  const tests = spawnSync(
    process.execPath,
    [vitestBin, 'run', '--config', config, ...projects, '--reporter', 'dot', ...(options.specs ?? [])],
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
  const trees = [options.impl, ...(options.kit ? ['src'] : [])];
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
      ...[...options.reporters, 'json-summary'].flatMap((r) => ['--reporter', r]),
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  rmSync(temp, { recursive: true, force: true });
  // the dot reporter's row of dots says nothing the summary below it does not
  const testsOut = `${tests.stdout}${tests.stderr}`.replace(/^[·×\-*x\s]+$/gm, '').trim();
  const output = `${testsOut}\n\n${report.stdout}${report.stderr}`;
  return { files: readSummary(path.resolve(root, options.reportsDir)), output };
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
  const specs = process.argv.slice(2).filter((a) => a !== '--kit');
  const run = coverage({ impl, kit, specs, reportsDir: 'coverage', reporters: ['text', 'html', 'lcov'] });
  console.log(run.output.trimEnd());
  console.log(`\ncoverage: open coverage/index.html for the lines and branches your tree reached`);
}
