// The vitest reporter that turns a run into the grade: it reads each spec file's results,
// asks grade.ts for the points, prints the table a student reads at a glance, and writes
// reports/grade.json. It runs in vitest's main process, apart from the student's code.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { UserConsoleLog } from 'vitest';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import type { SerializedError } from '@vitest/utils';
import { EXERCISES } from './manifest/index.ts';
import { readSettings, reportDir } from './settings.mjs';
import { buildGrade, mergeResults, type ModuleResult, type Outcome } from './grade.ts';
import { integrityWarning, verifyIntegrity } from './integrity.ts';
import { printGrade } from './print.ts';
import { writeFormats } from './formats/index.ts';
import { writeHtmlReport } from './html.ts';

export const REPORT_DIR = reportDir();
const KIT_ROOT = path.resolve(import.meta.dirname, '..');
const CONSOLE_LINES_PER_EXERCISE = 20; // enough to debug with, few enough not to drown the table

export default class GradeReporter implements Reporter {
  private consoleLines = new Map<string, string[]>();
  private vitest?: Vitest;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
    // a provisional grade: if the run is killed at its time limit, this is what stands, with
    // every exercise present, 0 points and the reason, never more than the honest score
    if (process.env.DLFS_PARTIAL !== '1') {
      const stopped: ModuleResult = {
        moduleError: 'the grader was stopped at its time limit before this exercise finished',
        timedOut: true,
        laws: new Map(),
      };
      const grade = buildGrade(
        readSettings(),
        EXERCISES,
        new Map(EXERCISES.map((e) => [e.id, stopped])),
      );
      mkdirSync(REPORT_DIR, { recursive: true });
      writeFileSync(path.join(REPORT_DIR, 'grade.json'), JSON.stringify(grade, null, 2) + '\n');
    }
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
      if (!id) continue;
      // an exercise's hidden spec (instructor/hidden/) adds its laws to those of its spec
      const result = readModule(module, watchdogNote(module.moduleId));
      const earlier = results.get(id);
      results.set(id, earlier ? mergeResults(earlier, result) : result);
    }
    const partial = process.env.DLFS_PARTIAL === '1';
    const entries = partial ? EXERCISES.filter((e) => results.has(e.id)) : EXERCISES;
    const integrity = verifyIntegrity(KIT_ROOT); // only a student release records checksums
    const grade = buildGrade(settings, entries, results, integrity);
    printGrade(grade, {
      partial,
      reportDir: REPORT_DIR,
      console: this.consoleLines,
      unhandled: unhandled.map((e) => e.message),
    });
    const warning = integrityWarning(integrity);
    if (warning) console.log(`\n${warning}\n`);
    // a filtered run writes its own file, so it never overwrites the last full grade
    const file = partial ? 'grade.partial.json' : 'grade.json';
    mkdirSync(REPORT_DIR, { recursive: true });
    writeFileSync(path.join(REPORT_DIR, file), JSON.stringify(grade, null, 2) + '\n');
    if (!partial) writeFormats(grade, REPORT_DIR); // Gradescope, Classroom, JUnit
    if (!partial) writeHtmlReport(grade, REPORT_DIR); // reports/index.html, with the figures
  }
}

/** 'spec/02_numerical_diff.spec.ts' or 'instructor/hidden/02_numerical_diff.hidden.spec.ts' → '02_numerical_diff'. */
export function exerciseIdOf(file: string): string | undefined {
  return /(?:^|[/\\])(\d\d_[a-z0-9_]+)(?:\.hidden)?\.spec\.ts$/.exec(file)?.[1];
}

/** What the watchdog measured when it had to stop this spec file's process (see grader/sandbox/watcher.mjs). */
function watchdogNote(specFile: string): string | undefined {
  const note = path.join(REPORT_DIR, '.watchdog', `${path.basename(specFile)}.json`);
  return (existsSync(note) && readFileSync(note, 'utf8')) || undefined;
}

const PROCESS_DIED =
  "the spec's process died before its laws ran: your code may have run out of memory " +
  '(grading caps each file at 1 GB; look for an array that grows without end) or been killed';

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
  if (errors.length > 0) return { moduleError: loadFailure(errors[0]), laws };
  // no laws and no error: the process died under vitest, most often of the heap cap
  if (laws.size === 0) return { moduleError: PROCESS_DIED, laws };
  return { laws };
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
    ...(typeof error.diagnosis === 'string' ? { diagnosis: error.diagnosis } : {}),
    ...(Array.isArray(error.diagnosisKeys)
      ? { diagnosisKeys: (error.diagnosisKeys as unknown[]).map(String) }
      : {}),
  };
}

/** Why a spec file could not run: almost always the student's file failed to load. */
function loadFailure(error: SerializedError): string {
  // grader/load.ts already says it in the student's terms
  if (error.name === 'LoadError') return error.message;
  const first = error.message.split('\n')[0];
  return `the exercise file could not be loaded: ${error.name ?? 'Error'}: ${first}`;
}
