// Small helpers for `npm run check`: run a command quietly, keep its output for when it fails.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Grade } from '../../grader/grade.ts';

export interface StepResult {
  ok: boolean;
  /** What went wrong, in a few lines; empty when ok. */
  detail: string;
}

const OUTPUT_TAIL_LINES = 40; // enough to show a failure without burying the summary

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): StepResult {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trimEnd();
  const ok = result.status === 0;
  return { ok, detail: ok ? '' : tail(output || String(result.error ?? 'no output')) };
}

export function tail(text: string): string {
  return text.split('\n').slice(-OUTPUT_TAIL_LINES).join('\n');
}

/** Grades one tree into its own report folder and returns the grade it wrote. */
export function grade(
  impl: string,
  reportDir: string,
  env: NodeJS.ProcessEnv = {},
  node = process.execPath,
): { grade?: Grade; output: string } {
  const result = spawnSync(node, ['grader/cli.mjs'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', IMPL: impl, DLFS_REPORT_DIR: reportDir, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  try {
    return { grade: JSON.parse(readFileSync(path.join(reportDir, 'grade.json'), 'utf8')), output };
  } catch {
    return { output };
  }
}
