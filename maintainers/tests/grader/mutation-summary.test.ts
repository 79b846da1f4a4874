// maintainers/mutation/summary.ts, the last step of `npm run mutation`: the counts Stryker's score is
// made of, and which survivors equivalent.json documents, which it does not, which entries are
// stale. A stale or missing entry must fail the run, or the list would drift from the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EQUIVALENT_FILE,
  KINDS,
  classify,
  survivorsOf,
  tallyOf,
  type Entry,
  type Mutant,
  type Report,
} from '../../mutation/summary.ts';

const mutant = (
  line: number,
  mutatorName: string,
  replacement: string,
  status: string,
): Mutant => ({
  mutatorName,
  replacement,
  status,
  location: { start: { line, column: 5 } },
});
const report: Report = {
  files: {
    'src/a.ts': {
      mutants: [
        mutant(3, 'EqualityOperator', 'i <= n', 'Survived'),
        mutant(3, 'EqualityOperator', 'i >= n', 'Killed'),
        mutant(7, 'BooleanLiteral', 'false', 'NoCoverage'),
        mutant(9, 'ConditionalExpression', 'true', 'Timeout'),
        mutant(9, 'ConditionalExpression', 'false', 'CompileError'),
      ],
    },
  },
};
const entry = (file: string, line: number, mutator: string, replacement: string): Entry => ({
  file,
  line,
  mutator,
  replacement,
  kind: 'equivalent',
  reason: 'why no test can tell',
});

describe('the mutation summary', () => {
  it('counts mutants by the statuses Stryker scores (errors count as mutants, not in the score)', () => {
    expect(tallyOf(report)).toEqual({
      mutants: 5,
      killed: 1,
      timeout: 1,
      survived: 1,
      noCoverage: 1,
    });
  });

  it('takes survived and uncovered mutants as survivors', () => {
    const survivors = survivorsOf(report).map((s) => `${s.line} ${s.status}`);
    expect(survivors).toEqual(['3 Survived', '7 NoCoverage']);
  });

  it('documents a survivor only by its file, line, mutator and replacement together', () => {
    const files = new Set(Object.keys(report.files));
    const survivors = survivorsOf(report);
    for (const near of [
      entry('src/b.ts', 3, 'EqualityOperator', 'i <= n'),
      entry('src/a.ts', 4, 'EqualityOperator', 'i <= n'),
      entry('src/a.ts', 3, 'ConditionalExpression', 'i <= n'),
      entry('src/a.ts', 3, 'EqualityOperator', 'i < n'),
    ]) {
      expect(classify(survivors, [near], files).documented).toEqual([]);
    }
    const exact = entry('src/a.ts', 3, 'EqualityOperator', 'i <= n');
    const { documented, undocumented, stale } = classify(survivors, [exact], files);
    expect(documented.map((s) => s.line)).toEqual([3]);
    expect(undocumented.map((s) => s.line)).toEqual([7]);
    expect(stale).toEqual([]);
  });

  it('reports an entry that matches no survivor as stale, unless no report covers its file', () => {
    const files = new Set(Object.keys(report.files));
    const killed = entry('src/a.ts', 3, 'EqualityOperator', 'i >= n');
    const notRun = entry('src/c.ts', 1, 'BooleanLiteral', 'true');
    expect(classify(survivorsOf(report), [killed, notRun], files).stale).toEqual([killed]);
  });

  it('does not call a timing entry stale when Stryker detected its mutant this run', () => {
    const files = new Set(Object.keys(report.files));
    const timedOut = { ...entry('src/a.ts', 9, 'ConditionalExpression', 'true'), timing: true };
    const result = classify(survivorsOf(report), [timedOut], files);
    expect(result.stale).toEqual([]);
    expect(result.detectedThisRun).toEqual([timedOut]);
  });

  it('reads a list whose every entry has a known kind and a one-line reason', () => {
    const entries = JSON.parse(readFileSync(EQUIVALENT_FILE, 'utf8')) as Entry[];
    for (const e of entries) {
      expect(Object.keys(KINDS), `${e.file}:${e.line}`).toContain(e.kind);
      expect(e.reason, `${e.file}:${e.line}`).toMatch(/^[^\n]{10,}$/);
    }
  });
});
