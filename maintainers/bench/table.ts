// The bench's closing table: one row per measurement, TS beside NumPy and their ratio.
export type Unit = 's' | 'ms' | 'µs' | 'acc';
export type Row = [label: string, ts: number, peer: number | undefined, unit: Unit];

const fmt = (v: number | undefined, unit: Unit) =>
  v === undefined
    ? '-'
    : unit === 'acc'
      ? `${(100 * v).toFixed(2)}%`
      : v.toFixed({ s: 2, ms: 3, µs: 0 }[unit]);

export function printTable(rows: Row[]): void {
  const head: string[] = ['', 'TS', 'NumPy', 'TS / NumPy'];
  const body = rows.map(([label, ts, peer, unit]) => [
    label,
    fmt(ts, unit),
    fmt(peer, unit),
    unit === 'acc' || peer === undefined ? '' : `${(ts / peer).toFixed(2)}×`,
  ]);
  const widths = head.map((_, c) => Math.max(...[head, ...body].map((r) => r[c].length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of body) console.log(line(r));
}
