// Reproducibility as a gate: the same seed must give a byte-identical grade.json. It grades
// solutions/ once more and compares the bytes with the grade an earlier step wrote.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { grade, tail, type StepResult } from './run.ts';

export function checkReproducible(earlierDir: string): StepResult {
  const againDir = `${earlierDir}-again`;
  const { grade: g, output } = grade('solutions', againDir);
  if (!g) return { ok: false, detail: tail(output) };
  const read = (dir: string) => readFileSync(path.join(dir, 'grade.json'));
  const [first, second] = [read(earlierDir), read(againDir)];
  if (first.equals(second)) {
    return { ok: true, detail: `two grades at seed ${g.seed}: ${first.length} identical bytes` };
  }
  const lines = [first, second].map((b) => b.toString('utf8').split('\n'));
  const at = lines[0].findIndex((line, i) => line !== lines[1][i]);
  return {
    ok: false,
    detail: `grade.json differs at line ${at + 1}:\n${lines[0][at]}\n${lines[1][at]}`,
  };
}
