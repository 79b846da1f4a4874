// Do c8 and vitest's v8 coverage tell the same story? Both read the same V8 snapshot
// (provider.ts), but c8 12 turns it into istanbul's format with v8-to-istanbul and vitest 4
// with ast-v8-to-istanbul, its only remapping since 4.0 dropped the v8-to-istanbul one (and
// coverage.experimentalAstAwareRemapping with it), so they cannot be configured alike. They
// count differently in exactly these ways, and are compared modulo them:
// 1. Lines. c8 counts every line of a file, blank ones too; vitest the lines where a
//    statement starts. Lines are compared on vitest's.
// 2. c8 marks a line unrun only if one unrun V8 range spans it whole, indent included;
//    vitest if every statement starting on it is unrun. So c8 keeps a line covered when its
//    unrun code is indented past where its range starts (a braceless `if (…)` body on a line
//    of its own) or split between two ranges. Such a line agrees if c8's unrun ranges
//    together cover its text.
// 3. Branches. c8's are V8's ranges of the functions that ran: each body and each block V8
//    kept (it drops one that ran as often as its parent), so the totals follow the counts;
//    vitest's are the AST's arms. They are compared as unrun code: each range c8 reports
//    unrun (branch or function) holds code vitest reports unrun, and each unrun statement,
//    function or arm of vitest's starts in such a range.
// 4. An `if` without `else` whose condition always held: vitest counts the missing else
//    (the if's count minus its body's); V8 keeps no counter for it, so c8 cannot. Listed.
// 5. A function never called comes from V8 without block counts, and v8-to-istanbul keeps
//    such a function only if it has a name: c8 drops an anonymous one (`(x) => x + 1` passed
//    along). vitest's unrun anonymous functions with no c8 range stand in for it. Listed.
import { readFileSync } from 'node:fs';

interface Position {
  line: number;
  column: number | null; // ast-v8-to-istanbul leaves some ends without one: the line's end
}
interface Location {
  start: Position;
  end: Position;
}
/** One file of istanbul's coverage-final.json, as both reporters write it. */
export interface FileCoverageData {
  path: string;
  statementMap: Record<string, Location>;
  s: Record<string, number>;
  fnMap: Record<string, { name: string; decl: Location; loc: Location }>;
  f: Record<string, number>;
  branchMap: Record<string, { type: string; locations: Array<Partial<Location>> }>;
  b: Record<string, number[]>;
}
export type CoverageMap = Record<string, FileCoverageData>;

export interface Tally {
  covered: number;
  total: number;
}
export interface FileAgreement {
  file: string;
  c8: { lines: Tally; branches: Tally };
  v8: { lines: Tally; branches: Tally };
  /** Where the two disagree beyond the differences above; empty when they agree. */
  problems: string[];
  /** Lines agreeing by difference 2, ifs of difference 4, functions of difference 5. */
  coveredByRanges: number[];
  missingElses: number[];
  droppedFunctions: number[];
}

const ANONYMOUS = /^\(anonymous_\d+\)$/; // ast-v8-to-istanbul's name for a nameless function

export function compareCoverage(c8: CoverageMap, v8: CoverageMap): FileAgreement[] {
  const files = [...new Set([...Object.keys(c8), ...Object.keys(v8)])].sort();
  return files.map((file) => {
    const [a, b] = [c8[file], v8[file]];
    if (a && b) return compareFile(file, a, b);
    return { ...tallies(file, a, b), problems: [`only ${a ? 'c8' : 'vitest'} reports this file`] };
  });
}

function compareFile(file: string, c8: FileCoverageData, v8: FileCoverageData): FileAgreement {
  const source = readFileSync(file, 'utf8').split(/\r?\n/);
  const c8Unrun = [
    ...Object.entries(c8.branchMap)
      .filter(([id]) => c8.b[id][0] === 0)
      .map(([, branch]) => branch.locations[0] as Location),
    ...Object.entries(c8.fnMap)
      .filter(([id]) => c8.f[id] === 0)
      .map(([, fn]) => fn.loc),
  ];
  const dropped = Object.entries(v8.fnMap)
    .filter(([id, fn]) => v8.f[id] === 0 && ANONYMOUS.test(fn.name))
    .filter(([, fn]) => !c8Unrun.some((range) => inside(fn.loc.start, range)))
    .map(([, fn]) => ({ start: fn.decl.start, end: fn.loc.end }));
  const unrun = [...c8Unrun, ...dropped];
  const problems: string[] = [];
  const coveredByRanges: number[] = [];
  const c8Lines = lineCounts(c8);
  for (const [line, count] of lineCounts(v8)) {
    const c8Count = c8Lines.get(line);
    if (c8Count === undefined) problems.push(`line ${line}: a statement c8 has no line for`);
    else if ((c8Count > 0) === (count > 0)) continue;
    else if (count === 0 && covers(unrun, line, source[line - 1])) coveredByRanges.push(line);
    else problems.push(`line ${line}: c8 ${ranOrNot(c8Count)}, vitest ${ranOrNot(count)}`);
  }
  const starts = unrunStarts(v8);
  for (const range of c8Unrun) {
    if (!starts.some((p) => inside(p, range))) {
      problems.push(`c8's unrun range ${where(range)} holds nothing vitest reports unrun`);
    }
  }
  for (const p of starts) {
    if (!unrun.some((range) => inside(p, range))) {
      problems.push(`vitest's unrun code at ${p.line}:${p.column} lies in no unrun c8 range`);
    }
  }
  return {
    ...tallies(file, c8, v8),
    problems,
    coveredByRanges,
    missingElses: missingElses(v8),
    droppedFunctions: dropped.map((fn) => fn.start.line),
  };
}

/** istanbul's line coverage: a line counts as often as the most-run statement starting on it. */
function lineCounts(data: FileCoverageData): Map<number, number> {
  const lines = new Map<number, number>();
  for (const [id, loc] of Object.entries(data.statementMap)) {
    lines.set(loc.start.line, Math.max(lines.get(loc.start.line) ?? 0, data.s[id]));
  }
  return lines;
}

function tallies(file: string, c8?: FileCoverageData, v8?: FileCoverageData): FileAgreement {
  const tally = (counts: number[]) => ({
    covered: counts.filter((n) => n > 0).length,
    total: counts.length,
  });
  const lines = (d?: FileCoverageData) => tally(d ? [...lineCounts(d).values()] : []);
  const branches = (d?: FileCoverageData) => tally(d ? Object.values(d.b).flat() : []);
  return {
    file,
    c8: { lines: lines(c8), branches: branches(c8) },
    v8: { lines: lines(v8), branches: branches(v8) },
    problems: [],
    coveredByRanges: [],
    missingElses: [],
    droppedFunctions: [],
  };
}

/** Where vitest's unrun statements, function bodies and arms start, one entry per place. */
function unrunStarts(v8: FileCoverageData): Position[] {
  const starts: Position[] = [];
  for (const [id, loc] of Object.entries(v8.statementMap)) if (v8.s[id] === 0) starts.push(loc.start);
  for (const [id, fn] of Object.entries(v8.fnMap)) if (v8.f[id] === 0) starts.push(fn.loc.start);
  for (const [id, branch] of Object.entries(v8.branchMap)) {
    branch.locations.forEach((loc, arm) => {
      // an if's first location is the whole if statement, not its body, whose statements
      // stand for it; a missing else has no location at all (difference 4)
      if (v8.b[id][arm] > 0 || (branch.type === 'if' && arm === 0) || !loc.start?.line) return;
      starts.push(loc.start);
    });
  }
  const seen = new Set<string>();
  return starts.filter((p) => !seen.has(where(p)) && seen.add(where(p)));
}

function missingElses(v8: FileCoverageData): number[] {
  return Object.entries(v8.branchMap)
    .filter(([id, branch]) => {
      const [body, orElse] = v8.b[id];
      return branch.type === 'if' && body > 0 && orElse === 0 && !branch.locations[1]?.start?.line;
    })
    .map(([, branch]) => Number(branch.locations[0].start?.line));
}

/** Whether the ranges together cover the line's text, from its first to its last non-blank. */
function covers(ranges: Location[], line: number, text = ''): boolean {
  let from = text.length - text.trimStart().length;
  const to = text.trimEnd().length;
  const spans = ranges
    .filter((r) => r.start.line <= line && line <= r.end.line)
    .map((r) => ({
      start: r.start.line < line ? 0 : (r.start.column ?? Infinity),
      end: r.end.line > line ? Infinity : (r.end.column ?? Infinity),
    }))
    .sort((a, b) => a.start - b.start);
  for (const span of spans) if (span.start <= from) from = Math.max(from, span.end);
  return from >= to;
}

/** Whether p lies in the range: its start inclusive, its end exclusive. */
function inside(p: Position, range: Location): boolean {
  return compare(range.start, p) <= 0 && compare(p, range.end) < 0;
}

/** Orders positions by line, then column; a missing column is the line's end. */
function compare(a: Position, b: Position): number {
  const [x, y] = [a.column ?? Infinity, b.column ?? Infinity];
  return a.line - b.line || (x === y ? 0 : x < y ? -1 : 1);
}

function where(x: Location | Position): string {
  if ('start' in x) return `${where(x.start)}-${where(x.end)}`;
  return `${x.line}:${x.column}`;
}

function ranOrNot(count: number): string {
  return count > 0 ? `ran it (${count}×)` : 'never ran it';
}
