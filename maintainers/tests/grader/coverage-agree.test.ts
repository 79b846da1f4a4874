// c8 and vitest's v8 coverage of one run must agree (maintainers/coverage/agree.ts). check compares
// them on its full run, where every file is fully covered; this run is partial on purpose
// (one spec, src/ reported too), so unrun lines, ranges and functions get compared as well.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compareCoverage, type CoverageMap } from '../../coverage/agree.ts';
import { describeAgreement } from '../../coverage/agree-table.ts';
import { coverage, type CoverageRun } from '../../coverage/run.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-agree-'));
let run: CoverageRun;
let c8: CoverageMap;
let v8: CoverageMap;

beforeAll(() => {
  run = coverage({
    impl: 'solutions',
    kit: false,
    reportsDir,
    reporters: [],
    specs: ['spec/01_loss_functions.spec.ts'],
    trees: ['solutions', 'src'],
  });
  const read = (dir: string) =>
    JSON.parse(readFileSync(path.join(dir, 'coverage-final.json'), 'utf8'));
  c8 = read(reportsDir);
  v8 = read(path.join(reportsDir, 'v8'));
}, 120_000);
afterAll(() => rmSync(reportsDir, { recursive: true, force: true }));

it('c8 and vitest agree file by file on a run that leaves code unrun', () => {
  const rows = run.agreement;
  expect(rows.length, run.output).toBeGreaterThan(0);
  expect(
    rows.filter((r) => r.problems.length > 0),
    describeAgreement(rows, root),
  ).toEqual([]);
  // not a vacuous agreement: both reports hold files the spec ran only in part
  const partly = rows.filter(
    (r) => r.v8.lines.covered > 0 && r.v8.lines.covered < r.v8.lines.total,
  );
  expect(partly.length).toBeGreaterThan(0);
  expect(rows.some((r) => r.c8.lines.covered > 0 && r.c8.lines.covered < r.c8.lines.total)).toBe(
    true,
  );
});

it('reports a line one reporter saw run and the other did not', () => {
  const file = run.agreement.find((r) => r.v8.lines.covered > 0)!.file;
  const ran = Object.keys(v8[file].s).find((id) => v8[file].s[id] > 0)!;
  const line = v8[file].statementMap[ran].start.line;
  // every statement of vitest's starting on that line never ran, by this doctored report
  const doctored = structuredClone(v8);
  for (const [id, loc] of Object.entries(doctored[file].statementMap)) {
    if (loc.start.line === line) doctored[file].s[id] = 0;
  }
  const row = compareCoverage(c8, doctored).find((r) => r.file === file)!;
  expect(row.problems).toContain(
    `line ${line}: c8 ran it (${lineCount(c8, file, line)}×), vitest never ran it`,
  );
});

it('reports code c8 saw unrun that vitest saw run', () => {
  const file = run.agreement.find((r) => r.c8.branches.covered < r.c8.branches.total)!.file;
  const doctored = structuredClone(v8);
  for (const id of Object.keys(doctored[file].s)) doctored[file].s[id] = 1;
  for (const id of Object.keys(doctored[file].f)) doctored[file].f[id] = 1;
  for (const id of Object.keys(doctored[file].b))
    doctored[file].b[id] = doctored[file].b[id].map(() => 1);
  const row = compareCoverage(c8, doctored).find((r) => r.file === file)!;
  expect(
    row.problems.some((p) => /^c8's unrun range .* holds nothing vitest reports unrun$/.test(p)),
  ).toBe(true);
});

function lineCount(map: CoverageMap, file: string, line: number): number {
  const ids = Object.keys(map[file].s).filter(
    (id) => map[file].statementMap[id].start.line === line,
  );
  return Math.max(...ids.map((id) => map[file].s[id]));
}
