// `npm run mutation:summary`, the last step of `npm run mutation`: the score of each part and
// of both, read from Stryker's JSON reports (mutation-testing-report-schema), first raw, then
// with the survivors that equivalent.json documents left out of the denominator. Exits 1 when
// a survivor is not documented, or an entry documents no survivor (stale: the code moved, or
// the mutant is killed now), so the list cannot drift from the code it describes. An entry
// marked `timing` is for a mutant that only changes how long or how hard something runs, which
// one run detects (Stryker's hit limit, a test of CPU use) and a busier one may not: it is not
// stale when detected.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '../..');
export const EQUIVALENT_FILE = path.join(import.meta.dirname, 'equivalent.json');
export const PARTS = [
  { name: 'solutions/ vs the specs', report: 'reports/mutation/mutation.json' },
  {
    name: 'src/ and kernels/ vs maintainers/tests/src/ and kernels/',
    report: 'reports/mutation-src/mutation.json',
  },
];

/** A mutant as Stryker's JSON report gives it (the fields used here). */
export interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
}
export interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

/** What a documented survivor changes: nothing, the last bits of a sum, the speed, or a case
 * no test can afford to build (docs/MUTATION.md). */
export const KINDS = {
  equivalent: 'equivalent (no allowed input tells them apart)',
  rounding: 'rounding only (within the tolerance the contract states)',
  speed: 'speed only (same result, slower or more CPU)',
  untested: 'untested (observable, but too costly to reach in a test)',
} as const;

/** A survivor documented in equivalent.json, with the one-line reason no test kills it. */
export interface Entry {
  file: string;
  line: number;
  mutator: string;
  replacement: string;
  kind: keyof typeof KINDS;
  reason: string;
  timing?: boolean;
}

export interface Survivor extends Omit<Entry, 'kind' | 'reason'> {
  column: number;
  status: string;
}

export interface Tally {
  mutants: number;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
}

export const tallyOf = (report: Report): Tally => {
  const all = Object.values(report.files).flatMap((f) => f.mutants);
  const count = (status: string) => all.filter((m) => m.status === status).length;
  const [killed, timeout, survived, noCoverage] = ['Killed', 'Timeout', 'Survived', 'NoCoverage'];
  return {
    mutants: all.length,
    killed: count(killed),
    timeout: count(timeout),
    survived: count(survived),
    noCoverage: count(noCoverage),
  };
};

export const survivorsOf = (report: Report): Survivor[] =>
  Object.entries(report.files).flatMap(([file, { mutants }]) =>
    mutants
      .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
      .map((m) => ({
        file,
        line: m.location.start.line,
        column: m.location.start.column,
        mutator: m.mutatorName,
        replacement: m.replacement ?? '',
        status: m.status,
      })),
  );

const matches = (e: Entry, s: Survivor) =>
  e.file === s.file &&
  e.line === s.line &&
  e.mutator === s.mutator &&
  e.replacement === s.replacement;

/**
 * Splits the survivors into those an entry documents and those none does, and finds the stale
 * entries: those that match no survivor in a file the reports cover (a file no report covers,
 * because its part was not run, is no evidence either way).
 */
export function classify(survivors: Survivor[], entries: Entry[], files: Set<string>) {
  const documented = survivors.filter((s) => entries.some((e) => matches(e, s)));
  const undocumented = survivors.filter((s) => !documented.includes(s));
  const unmatched = entries.filter(
    (e) => files.has(e.file) && !survivors.some((s) => matches(e, s)),
  );
  const stale = unmatched.filter((e) => !e.timing);
  const detectedThisRun = unmatched.filter((e) => e.timing);
  return { documented, undocumented, stale, detectedThisRun };
}

// Stryker's score: detected (killed or timed out) over every mutant that ran or had no test
const detected = (t: Tally) => t.killed + t.timeout;
const valid = (t: Tally) => t.killed + t.timeout + t.survived + t.noCoverage;
const percent = (num: number, den: number) =>
  den === 0 ? 'n/a' : `${((100 * num) / den).toFixed(1)}%`;
const sum = (tallies: Tally[]): Tally => ({
  mutants: tallies.reduce((n, t) => n + t.mutants, 0),
  killed: tallies.reduce((n, t) => n + t.killed, 0),
  timeout: tallies.reduce((n, t) => n + t.timeout, 0),
  survived: tallies.reduce((n, t) => n + t.survived, 0),
  noCoverage: tallies.reduce((n, t) => n + t.noCoverage, 0),
});

const show = (s: Survivor | Entry) => `${s.file}:${s.line} ${s.mutator} → \`${s.replacement}\``;

function main(): number {
  const entries = JSON.parse(readFileSync(EQUIVALENT_FILE, 'utf8')) as Entry[];
  const missing = PARTS.filter((p) => !existsSync(path.join(root, p.report)));
  if (missing.length > 0) {
    for (const p of missing) console.error(`no report for ${p.name}: ${p.report} (run it first)`);
    return 1;
  }
  const reports = PARTS.map((p) => JSON.parse(readFileSync(path.join(root, p.report), 'utf8')));
  const rows = PARTS.map((p, i) => ({ name: p.name, tally: tallyOf(reports[i] as Report) }));
  rows.push({ name: 'overall', tally: sum(rows.map((r) => r.tally)) });

  const head = ['mutants', 'killed', 'timed out', 'survived', 'no coverage', 'score'];
  console.log(['part'.padEnd(24), ...head.map((h) => h.padStart(12))].join(''));
  for (const { name, tally: t } of rows) {
    const cells = [t.mutants, t.killed, t.timeout, t.survived, t.noCoverage];
    const score = percent(detected(t), valid(t));
    console.log(
      [name.padEnd(24), ...[...cells, score].map((c) => String(c).padStart(12))].join(''),
    );
  }

  const files = new Set(reports.flatMap((r: Report) => Object.keys(r.files)));
  const survivors = reports.flatMap((r: Report) => survivorsOf(r));
  const { documented, undocumented, stale, detectedThisRun } = classify(survivors, entries, files);
  const total = rows[rows.length - 1].tally;
  console.log(
    `\nraw score (every survivor counts against it): ${percent(detected(total), valid(total))}`,
  );
  console.log(
    `${documented.length} survivors documented as equivalent or out of reach, ` +
      `each with its reason (maintainers/mutation/equivalent.json):`,
  );
  for (const [kind, meaning] of Object.entries(KINDS)) {
    const n = documented.filter((s) => entries.some((e) => matches(e, s) && e.kind === kind));
    console.log(`  ${String(n.length).padStart(4)} ${meaning}`);
  }
  console.log(
    `adjusted score, documented survivors left out of the denominator: ` +
      `${percent(detected(total), valid(total) - documented.length)}`,
  );
  for (const [i, row] of rows.slice(0, -1).entries()) {
    const left = documented.filter((s) => s.file in (reports[i] as Report).files).length;
    const t = row.tally;
    console.log(`  ${row.name}: ${percent(detected(t), valid(t) - left)}`);
  }
  for (const e of detectedThisRun) console.log(`timing entry, detected this run: ${show(e)}`);
  for (const s of undocumented) console.log(`undocumented survivor: ${show(s)} (col ${s.column})`);
  for (const e of stale) console.log(`stale entry, no such survivor: ${show(e)}`);
  if (undocumented.length + stale.length === 0) console.log('every survivor is documented');
  return undocumented.length + stale.length === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();
