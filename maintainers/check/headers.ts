// The stub's header is all a student is told, so the laws must check every behaviour it
// states, and nothing it does not. Each law declares the phrases of the header it checks
// (`covers`); each exercise declares the sentences that only explain (`context`). This step
// splits every header into statements and fails on a statement no law covers, a phrase the
// header does not contain, or a law that covers nothing. It also writes docs/HEADERS.md, the
// table from statements to laws.
import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import path from 'node:path';
import { EXERCISES, type ExerciseEntry } from '../../grader/manifest/index.ts';
import type { StepResult } from './run.ts';

const KIT = path.resolve(import.meta.dirname, '../..');
export const HEADERS_FILE = path.join(KIT, 'docs', 'HEADERS.md');

/**
 * The statements of a stub's header: each bullet ('- ', continued by indented lines), each
 * formula line (indented), and each sentence of the prose around them.
 */
export function headerStatements(source: string): string[] {
  const lines = source.split('\n');
  const header = lines.slice(
    1,
    lines.findIndex((line) => !line.startsWith('//')),
  );
  const statements: string[] = [];
  let prose: string[] = [];
  let bullet: string[] | undefined;
  const flush = () => {
    if (bullet) statements.push(bullet.join(' ').replace(/\s+/g, ' ').trim());
    const text = prose.join(' ').replace(/\s+/g, ' ').trim();
    if (text) statements.push(...text.split(/(?<=[.!?])\s+(?=[A-Z])/));
    [prose, bullet] = [[], undefined];
  };
  for (const line of header) {
    const text = line.replace(/^\/\/ ?/, '');
    if (text.trim() === '') flush();
    else if (text.startsWith('- ')) {
      flush();
      bullet = [text.slice(2)];
    } else if (bullet && text.startsWith('  ')) bullet.push(text.trim());
    else if (/^ {2,}\S/.test(text)) {
      flush();
      statements.push(text.trim().replace(/\s{2,}/g, '  '));
    } else prose.push(text);
  }
  flush();
  return statements;
}

interface Row {
  statement: string;
  laws: string[];
  context: boolean;
}

function rowsOf(entry: ExerciseEntry, statements: string[]): Row[] {
  return statements.map((statement) => ({
    statement,
    laws: entry.laws
      .filter((law) => law.covers.some((phrase) => statement.includes(phrase)))
      .map((law) => law.key),
    context: entry.context.some((c) => statement.includes(c)),
  }));
}

/** The problems of every header's coverage, and docs/HEADERS.md as it should read. */
export async function reviewHeaders(): Promise<{ problems: string[]; text: string }> {
  const problems: string[] = [];
  const tables: string[] = [];
  for (const entry of EXERCISES) {
    const stub = readFileSync(path.join(KIT, 'exercises', `${entry.id}.ts`), 'utf8');
    const statements = headerStatements(stub);
    const rows = rowsOf(entry, statements);
    for (const row of rows) {
      if (row.laws.length === 0 && !row.context) {
        problems.push(`${entry.id}: no law covers "${row.statement}"`);
      }
    }
    for (const law of entry.laws) {
      if (law.covers.length === 0) problems.push(`${entry.id} › ${law.key} covers nothing`);
      for (const phrase of law.covers) {
        if (!statements.some((s) => s.includes(phrase))) {
          problems.push(`${entry.id} › ${law.key} covers "${phrase}", which the header lacks`);
        }
      }
    }
    for (const phrase of entry.context) {
      if (!statements.some((s) => s.includes(phrase))) {
        problems.push(`${entry.id}: context "${phrase}" is not in the header`);
      }
    }
    tables.push(table(entry, rows));
  }
  return { problems, text: await format(render(tables), { parser: 'markdown' }) };
}

export async function writeHeadersDoc(): Promise<void> {
  writeFileSync(HEADERS_FILE, (await reviewHeaders()).text);
}

export async function checkHeaders(): Promise<StepResult> {
  const { problems, text } = await reviewHeaders();
  let current = '';
  try {
    current = readFileSync(HEADERS_FILE, 'utf8');
  } catch {
    // missing: reported below
  }
  if (current !== text) problems.push('docs/HEADERS.md is stale: run npm run docs');
  return {
    ok: problems.length === 0,
    detail: problems.length
      ? problems.join('\n')
      : `every statement of the ${EXERCISES.length} stub headers is covered by a law`,
  };
}

function table(entry: ExerciseEntry, rows: Row[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const names = new Map(entry.laws.map((law) => [law.key, law.name]));
  const lines = [
    `## ${entry.id} · ${entry.title} (book ${entry.book})`,
    '',
    '| the header says | laws that check it |',
    '| --- | --- |',
    ...rows.map(
      (r) =>
        `| ${cell(r.statement)} | ${
          r.laws.length
            ? r.laws.map((k) => `\`${k}\`: ${cell(names.get(k) ?? '')}`).join('<br>')
            : 'context: explains, states no behaviour'
        } |`,
    ),
  ];
  return lines.join('\n');
}

function render(tables: string[]): string {
  return [
    '# What each stub header states, and the laws that check it',
    '',
    'Generated by `npm run check` (maintainers/check/headers.ts) from the stub headers and the',
    "laws' `covers` declarations in spec/. Do not edit by hand.",
    '',
    ...tables.flatMap((t) => [t, '']),
  ].join('\n');
}
