// The terminal's view of a grade (grader/print.ts): a filtered run totals only the laws it ran,
// a file that could not load is said once and without law hints, and a full run ends by
// pointing to the report page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildGrade, type ModuleResult, type Outcome } from '../../../grader/grade.ts';
import { EXERCISES } from '../../../grader/manifest/index.ts';
import { printGrade } from '../../../grader/print.ts';

const SETTINGS = { impl: 'exercises', seed: 42, numRuns: 100 };
const DIFF = EXERCISES.find((e) => e.id === '02_numerical_diff')!;
const GRADIENT = EXERCISES.find((e) => e.id === '03_numerical_gradient')!;
const LOAD_ERROR =
  'exercises/03_numerical_gradient.ts:4:10: Expected `;` but found `)`: the file could not be ' +
  'read as TypeScript, so none of its laws ran';

/** What printGrade writes, without colours. */
function printed(...args: Parameters<typeof printGrade>): string {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  printGrade(...args);
  const text = log.mock.calls.flat().join('\n');
  // eslint-disable-next-line no-control-regex -- colours, when the test runs in a terminal
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}
afterEach(() => vi.restoreAllMocks());

const extra = (partial: boolean) => ({
  partial,
  reportDir: 'reports',
  console: new Map<string, string[]>(),
  unhandled: [],
});
const passed = (id: string): ModuleResult => ({
  laws: new Map(
    EXERCISES.find((e) => e.id === id)!.laws.map((l) => [l.name, { status: 'passed' as const }]),
  ),
});

describe('printGrade', () => {
  it('totals a filtered run over the laws it ran, not over the whole exercise', () => {
    // `npm test -- 02 -t …`: two laws of 02 ran, one met; the other laws were left out
    const [met, unmetLaw, ...rest] = DIFF.laws;
    const laws = new Map<string, Outcome>([
      [met.name, { status: 'passed' }],
      [unmetLaw.name, { status: 'failed', message: 'off by 1e-3' }],
      ...rest.map((l): [string, Outcome] => [
        l.name,
        { status: 'error', message: 'not run: left out by the filter', skipped: true },
      ]),
    ]);
    const grade = buildGrade(SETTINGS, [DIFF], new Map([[DIFF.id, { laws }]]));
    const text = printed(grade, extra(true));
    const ran = `${met.points}/${met.points + unmetLaw.points}`;
    expect(text).toContain(`total of the 2 laws run ${ran}`);
    expect(text).toMatch(new RegExp(`^ ✗ 02 .* ${ran} `, 'm'));
    expect(text).toContain('1 of 2 laws run not yet met');
    expect(text).not.toContain(`/${grade.maxScore}`); // the whole exercise's points
    expect(text).toContain('(a filtered run: written to reports/grade.partial.json)');
  });

  it('says a load failure once, with no law’s hint, and a full run ends at index.html', () => {
    const results = new Map(EXERCISES.map((e) => [e.id, passed(e.id)]));
    results.set(GRADIENT.id, { moduleError: LOAD_ERROR, laws: new Map() });
    const grade = buildGrade(SETTINGS, EXERCISES, results);
    const text = printed(grade, extra(false));
    expect(text.split(LOAD_ERROR)).toHaveLength(2);
    expect(text).toContain(
      `03_numerical_gradient · book ${GRADIENT.book} · none of its ${GRADIENT.laws.length} laws could run`,
    );
    for (const law of GRADIENT.laws) expect(text, law.key).not.toContain(law.hint);
    expect(text).not.toMatch(/hint/);
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'full report: reports/grade.json; with the figures: reports/index.html',
    );
  });
});
