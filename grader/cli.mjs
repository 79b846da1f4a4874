#!/usr/bin/env node
// `npm test`: grades the tree IMPL selects. It validates the settings, runs vitest's `grade`
// project with the grade reporter, and keeps a hard time limit over the whole run, so a
// student's code can never hang the grader. Exit 0 exactly at full marks.
// Extra arguments go to vitest: `npm test -- 02_numerical_diff -t 'law'` reruns one law.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureManifest, ManifestError } from './manifest/extract.mjs';
import { limitRun } from './run-limit.mjs';
import { readSettings, reportDir, SettingsError } from './settings.mjs';

// vitest's default on two cores is one worker; three keep both cores busy while each spec
// file's process starts up, within 3 × 1 GB of heap
const GRADE_WORKERS = 3;
// the whole run's CPU time, its processes together; six times that on the clock (run-limit.mjs)
const RUN_TIME_LIMIT_MS = Number(process.env.GRADER_TIME_LIMIT_MS ?? 300_000);
const ATTEMPTS = 2; // see notStarted
const GRADE_FILE = path.join(reportDir(), 'grade.json');
// each spec file's process leaves a note there for the reporter (grader/sandbox/watchdog.ts)
const WATCHDOG_NOTES = path.join(reportDir(), '.watchdog');

let impl;
try {
  ({ impl } = readSettings());
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(`npm test: ${error.message}`);
  process.exit(2);
}
// a student release (npm run release) has no solutions/: say so, rather than fail 7 loads
if (!process.env.DLFS_IMPL_DIR && !existsSync(path.join(import.meta.dirname, '..', impl))) {
  console.error(
    `npm test: there is no ${impl}/ folder here` +
      (impl === 'solutions' ? ': the reference solutions are not part of a student release.' : '.'),
  );
  process.exit(2);
}

// the laws are read off the specs; an instructor's edited or added spec refreshes the manifest
try {
  ensureManifest(path.join(import.meta.dirname, '..'));
} catch (error) {
  if (!(error instanceof ManifestError)) throw error;
  console.error(
    `npm test: the specs declare their laws wrongly, so nothing was graded: ${error.message}`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
const partial = args.length > 0;
if (!partial) rmSync(GRADE_FILE, { force: true });

// vitest's bin, found through its package.json because its exports hide the file itself
const vitestRoot = path.dirname(createRequire(import.meta.url).resolve('vitest/package.json'));
const vitest = path.join(vitestRoot, 'vitest.mjs');
grade(1);

/**
 * One vitest run over the spec files; a second where vitest could not start one of them.
 * @param {number} attempt
 */
function grade(attempt) {
  const child = spawn(
    process.execPath,
    [
      vitest,
      'run',
      '--project',
      'grade',
      '--reporter',
      './grader/reporter.ts',
      '--maxWorkers',
      String(GRADE_WORKERS),
      ...args,
    ],
    { stdio: 'inherit', env: { ...process.env, DLFS_PARTIAL: partial ? '1' : '0' } },
  );
  let stopped = false;
  const timer = limitRun(child.pid ?? process.pid, RUN_TIME_LIMIT_MS, (why) => {
    console.error(`npm test: the run passed ${why} and was stopped.`);
    stopped = true;
    child.kill('SIGKILL');
  });

  child.on('exit', (code) => {
    clearInterval(timer);
    // vitest has exited, so its reporter has read every note there was to read
    rmSync(WATCHDOG_NOTES, { recursive: true, force: true });
    if (partial) process.exit(code ?? 1);
    if (!existsSync(GRADE_FILE)) {
      console.error(`npm test: the grader stopped before it could write ${GRADE_FILE}.`);
      process.exit(1);
    }
    const result = JSON.parse(readFileSync(GRADE_FILE, 'utf8'));
    const unstarted = notStarted(result);
    if (unstarted.length > 0 && !stopped && attempt < ATTEMPTS) {
      console.error(
        `npm test: vitest could not start the process of ${unstarted.join(', ')} within its ` +
          'own time limit, as happens on a very busy machine; grading again.',
      );
      return grade(attempt + 1);
    }
    process.exit(result.score === result.maxScore ? 0 : 1);
  });
}

/**
 * Exercises one of whose spec files reported nothing: vitest gives a spec file's process 60 s
 * on the clock to start (not configurable), and reports none of its laws when it does not;
 * grade.ts then says 'this law did not run' of each. An exercise has its spec and perhaps an
 * instructor's hidden one, so either group of laws may be the silent one. A student's file
 * cannot cause this: it loads later, and its failures are reported in other words.
 * @param {{ exercises: Array<{ id: string, tests: Array<{ message?: string, hidden?: boolean }> }> }} result
 */
function notStarted(result) {
  /** @param {Array<{ message?: string }>} tests */
  const silent = (tests) =>
    tests.length > 0 && tests.every((t) => t.message === 'this law did not run');
  return result.exercises
    .filter(
      (e) => silent(e.tests.filter((t) => !t.hidden)) || silent(e.tests.filter((t) => t.hidden)),
    )
    .map((e) => e.id);
}
