// `npm run check`: the maintainers' proof that the kit is sound, as the steps below list them:
// types, lint and format are clean, the kit's own tests pass, every solution earns full marks,
// every stub earns nothing, the manifest agrees with the three trees, every kept mistake is
// caught, a regrade is byte-identical, coverage is whole and matmul.wasm matches its source.
// It prints one line per step and exits 1 if any step failed.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { atTodo } from '../../grader/grade.ts';
import { checkManifest } from './manifest.ts';
import { checkGalleries } from './mistakes.ts';
import { checkHeaders } from './headers.ts';
import { checkCoverage } from './coverage.ts';
import { checkReproducible } from './reproducible.ts';
import { grade, run, tail, type StepResult } from './run.ts';
import { checkWasm } from './wasm.ts';
import { checkNode24 } from './node24.ts';
import { checkStyle } from './style.ts';

const bin = (name: string) => path.join('node_modules', '.bin', name);
const reports = mkdtempSync(path.join(os.tmpdir(), 'dlfs-check-'));

const steps: Array<[string, () => StepResult | Promise<StepResult>]> = [
  ['types (tsc --noEmit)', () => run(bin('tsc'), ['--noEmit', '-p', '.'])],
  ['lint (eslint)', () => run(bin('eslint'), ['.', '--max-warnings=0'])],
  ['format (prettier --check)', () => run(bin('prettier'), ['--check', '.'])],
  ['style: budgets, file names, generators from options, one closeness rule', checkStyle],
  ['kit tests (src/ and grader)', () => run(bin('vitest'), ['run', '--project', 'kit'])],
  ['solutions earn full marks', solutionsPass],
  ['stubs earn nothing', stubsFail],
  ['manifest matches exercises/, solutions/, spec/', checkManifest],
  ['every stub header statement is checked by a law (docs/HEADERS.md)', checkHeaders],
  [
    'the galleries: every mistake caught, no correct code marked down, no wrong diagnosis',
    checkGalleries,
  ],
  [
    'same seed, byte-identical grade.json',
    () => checkReproducible(path.join(reports, 'solutions')),
  ],
  [
    'c8 coverage of solutions/, src/ and kernels/ (100% or a listed gap), vitest v8 agrees',
    checkCoverage,
  ],
  ['the committed matmul.wasm is built from matmul.wat', checkWasm],
  ['on Node 24 too: the reference earns full marks, the hostile cases hold', checkNode24],
];

function solutionsPass(): StepResult {
  const { grade: g, output } = grade('solutions', path.join(reports, 'solutions'));
  if (!g) return { ok: false, detail: tail(output) };
  const short = g.exercises.filter((e) => e.score !== e.maxScore);
  const detail = short
    .map(
      (e) =>
        `${e.id}: ${e.score}/${e.maxScore}; ${e.tests.find((t) => t.status !== 'passed')?.message}`,
    )
    .join('\n');
  return { ok: short.length === 0 && g.score === g.maxScore, detail };
}

function stubsFail(): StepResult {
  const { grade: g, output } = grade('exercises', path.join(reports, 'exercises'));
  if (!g) return { ok: false, detail: tail(output) };
  const problems = g.exercises.flatMap((e) =>
    e.tests
      .filter((t) => t.points > 0 || !atTodo(t))
      .map((t) => `${e.id} › ${t.name}: ${t.status}, ${t.points} points (${t.message})`),
  );
  return { ok: problems.length === 0, detail: problems.join('\n') };
}

let failed = 0;
for (const [name, step] of steps) {
  const started = performance.now();
  const result = await step();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${result.ok ? 'ok  ' : 'FAIL'}  ${name} (${seconds} s)`);
  if (result.ok && result.detail) console.log(result.detail.replace(/^/gm, '      '));
  if (!result.ok) {
    failed++;
    console.log(result.detail.replace(/^/gm, '      '));
  }
}
// the plain closing line CI tools read: 'N passed, N failed'
console.log(`\ncheck: ${steps.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
