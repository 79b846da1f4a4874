// The coverage gate: c8 over a full grade of solutions/ plus the kit's tests must reach
// 100% of the lines and branches of solutions/ and src/, but for the gaps listed (with
// what is missing) in maintainers/coverage/gaps.ts, which may only shrink. vitest's v8 report of
// the same run must agree with c8 file by file (maintainers/coverage/agree.ts).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KNOWN_GAPS } from '../coverage/gaps.ts';
import { describeAgreement } from '../coverage/agree-table.ts';
import { coverage } from '../coverage/run.ts';
import { tail, type StepResult } from './run.ts';

const FULL = 100; // percent

export function checkCoverage(): StepResult {
  const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-coverage-'));
  const run = coverage({ impl: 'solutions', kit: true, reportsDir, reporters: [] });
  if (run.files.size === 0) return { ok: false, detail: tail(run.output) };
  const problems: string[] = [];
  let full = 0;
  for (const [file, { lines, branches }] of run.files) {
    const complete = lines === FULL && branches === FULL;
    if (complete) full++;
    if (!complete && !(file in KNOWN_GAPS)) {
      problems.push(`${file}: ${lines}% lines, ${branches}% branches`);
    }
    if (complete && file in KNOWN_GAPS) {
      problems.push(`${file} is now fully covered: remove it from maintainers/coverage/gaps.ts`);
    }
  }
  const differing = run.agreement.filter((row) => row.problems.length > 0);
  if (differing.length > 0) problems.push(describeAgreement(run.agreement, process.cwd()));
  // difference 4 of agree.ts: a gap only vitest can see, shown rather than failed
  const elses = run.agreement.flatMap((r) =>
    r.missingElses.map((line) => `${path.relative(process.cwd(), r.file)}:${line}`),
  );
  const detail =
    `${full}/${run.files.size} files at 100% lines and branches; known gaps: ${Object.keys(KNOWN_GAPS).length}; ` +
    `vitest's v8 coverage agrees on all ${run.agreement.length} files` +
    (elses.length ? `; ifs whose else only vitest sees untaken: ${elses.join(', ')}` : '');
  return problems.length ? { ok: false, detail: problems.join('\n') } : { ok: true, detail };
}
