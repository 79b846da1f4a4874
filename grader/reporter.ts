// The vitest reporter that turns a run into the grade: it reads each spec file's results,
// asks grade.ts for the points, prints the table a student reads at a glance, and writes
// reports/grade.json. It runs in vitest's main process, apart from the student's code.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { UserConsoleLog } from 'vitest';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import type { SerializedError } from '@vitest/utils';
import { EXERCISES } from './manifest/index.ts';
import { readSettings } from './settings.mjs';
import { buildGrade, type ModuleResult, type Outcome } from './grade.ts';
import { printGrade } from './print.ts';

// `npm run check` grades into its own folder so it never clobbers a student's last report
export const REPORT_DIR = process.env.DLFS_REPORT_DIR || 'reports';
const CONSOLE_LINES_PER_EXERCISE = 20; // enough to debug with, few enough not to drown the table

export default class GradeReporter implements Reporter {
  private consoleLines = new Map<string, string[]>();
  private vitest?: Vitest;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  /** A student's console.log is how they debug; keep a little of it beside their exercise. */
  onUserConsoleLog(log: UserConsoleLog): void {
    const task = log.taskId ? this.vitest?.state.idMap.get(log.taskId) : undefined;
    const id = exerciseIdOf(task?.file.filepath ?? '') ?? 'other';
    const lines = this.consoleLines.get(id) ?? [];
    if (lines.length < CONSOLE_LINES_PER_EXERCISE) lines.push(log.content.trimEnd());
    this.consoleLines.set(id, lines);
  }

  onTestRunEnd(
    modules: ReadonlyArray<TestModule>,
    unhandled: ReadonlyArray<SerializedError>,
  ): void {
    const settings = readSettings();
    const results = new Map<string, ModuleResult>();
    for (const module of modules) {
      const id = exerciseIdOf(module.moduleId);
      if (id) results.set(id, readModule(module, watchdogNote(module.moduleId)));
    }
    const partial = process.env.DLFS_PARTIAL === '1';
    const entries = partial ? EXERCISES.filter((e) => results.has(e.id)) : EXERCISES;
    const grade = buildGrade(settings, entries, results);
    printGrade(grade, {
      partial,
      console: this.consoleLines,
      unhandled: unhandled.map((e) => e.message),
    });
    // a filtered run writes its own file, so it never overwrites the last full grade
    const file = partial ? 'grade.partial.json' : 'grade.json';
    mkdirSync(REPORT_DIR, { recursive: true });
    writeFileSync(path.join(REPORT_DIR, file), JSON.stringify(grade, null, 2) + '\n');
  }
}

/** 'spec/02_numerical_diff.spec.ts' → '02_numerical_diff'. */
export function exerciseIdOf(file: string): string | undefined {
  return /(?:^|[/\\])(\d\d_[a-z0-9_]+)\.spec\.ts$/.exec(file)?.[1];
}

/** Set when the watchdog had to stop this spec file's process (see spec/support/watchdog.ts). */
function watchdogNote(specFile: string): string | undefined {
  const note = path.join(REPORT_DIR, '.watchdog', `${path.basename(specFile)}.json`);
  if (!existsSync(note) || readFileSync(note, 'utf8') === '') return undefined;
  return (
    'stopped: the exercise file never finished loading, or a law never returned, even past ' +
    'its time limit. Look for an endless loop at the top level of your file, or a promise ' +
    'chain that never ends.'
  );
}

function readModule(module: TestModule, stopped: string | undefined): ModuleResult {
  const laws = new Map<string, Outcome>();
  for (const test of module.children.allTests()) {
    const result = test.result();
    if (result.state === 'passed') laws.set(test.name, { status: 'passed' });
    else if (result.state === 'failed') laws.set(test.name, outcomeOf(result.errors?.[0]));
    else if (result.state === 'skipped') {
      laws.set(test.name, {
        status: 'error',
        message: 'not run: left out by the filter',
        skipped: true,
      });
    }
  }
  if (stopped) return { moduleError: stopped, laws, timedOut: true };
  const errors = module.errors();
  return errors.length > 0 ? { moduleError: loadFailure(errors[0]), laws } : { laws };
}

function outcomeOf(error: SerializedError | undefined): Outcome {
  if (!error) return { status: 'error', message: 'failed without an error message' };
  const status =
    error.name === 'GuardTimeout'
      ? 'timeout'
      : error.name === 'LawError'
        ? (error.status as 'failed' | 'error')
        : 'error';
  return {
    status,
    message: error.message,
    ...(typeof error.counterexample === 'string' ? { counterexample: error.counterexample } : {}),
    ...(typeof error.reproduce === 'string' ? { reproduce: error.reproduce } : {}),
  };
}

/** Why a spec file could not run: almost always the student's file failed to load. */
function loadFailure(error: SerializedError): string {
  const first = error.message.split('\n')[0];
  return `the exercise file could not be loaded: ${error.name ?? 'Error'}: ${first}`;
}
