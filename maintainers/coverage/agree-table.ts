// The comparison of agree.ts as text: both reporters' numbers per file, then every place
// they disagree and every one where they agree only modulo a listed difference.
import path from 'node:path';
import type { FileAgreement, Tally } from './agree.ts';

export function describeAgreement(rows: FileAgreement[], root: string): string {
  const pair = (t: Tally) => `${t.covered}/${t.total}`;
  const header = ['file', 'c8 lines', 'v8 lines', 'c8 branches', 'v8 branches', 'agree'];
  const table = rows.map((r) => [
    path.relative(root, r.file),
    pair(r.c8.lines),
    pair(r.v8.lines),
    pair(r.c8.branches),
    pair(r.v8.branches),
    r.problems.length ? 'NO' : 'yes',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const format = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const notes = rows.flatMap((r) => {
    const name = path.relative(root, r.file);
    const listed = (lines: number[], what: string) =>
      lines.length ? [`${name}: ${what} ${lines.join(', ')}`] : [];
    return [
      ...r.problems.map((p) => `${name}: ${p}`),
      ...listed(r.coveredByRanges, "(2) c8 keeps covered what its unrun ranges cover: lines"),
      ...listed(r.missingElses, '(4) never took the missing else, counted by vitest only: ifs on lines'),
      ...listed(r.droppedFunctions, '(5) never called, anonymous, dropped by c8: functions on lines'),
    ];
  });
  const differing = rows.filter((r) => r.problems.length > 0).length;
  const verdict = differing
    ? `c8 and vitest's v8 coverage disagree on ${differing} of ${rows.length} files`
    : `c8 and vitest's v8 coverage agree on all ${rows.length} files, modulo the differences numbered in maintainers/coverage/agree.ts`;
  return [format(header), ...table.map(format), '', ...notes, verdict].join('\n');
}
