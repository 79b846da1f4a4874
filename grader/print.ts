// The terminal view of a grade: one row per exercise, then the first failure of each
// unfinished exercise in full (law, counterexample, hint, book section, rerun command).
import { notStarted, unmet, type ExerciseGrade, type Grade, type TestGrade } from './grade.ts';
import { runSettings } from './formats/text.ts';

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number) => (text: string) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
const green = paint(32);
const red = paint(31);
const yellow = paint(33);
const dim = paint(2);
const bold = paint(1);

const MESSAGE_WIDTH = 60; // the table's last column; the details below show the rest

export function printGrade(
  grade: Grade,
  extra: {
    partial: boolean;
    reportDir: string;
    console: Map<string, string[]>;
    unhandled: string[];
  },
): void {
  const out: string[] = [''];
  out.push(bold(`dlfs-ch4 · grading ${grade.impl}/`) + dim(` · ${runSettings(grade)}`), '');
  for (const exercise of grade.exercises) out.push(row(exercise));
  // a filtered run grades only the laws it ran: its total is over those, and says so
  const ran = grade.exercises.flatMap((e) => e.tests).filter((t) => !t.skipped);
  const [score, max] = extra.partial
    ? [sum(ran.map((t) => t.points)), sum(ran.map((t) => t.maxPoints))]
    : [grade.score, grade.maxScore];
  const total = `${score}/${max}`;
  const label = extra.partial ? `total of the ${ran.length} laws run` : 'total';
  out.push('', bold(`${label} ${score === max ? green(total) : total}`));

  const unfinished = grade.exercises.filter((e) => e.tests.some(unmet) && !notStarted(e));
  for (const exercise of unfinished)
    out.push('', ...details(exercise, extra.console.get(exercise.id)));
  const notYet = grade.exercises.filter(notStarted).map((e) => e.id);
  if (notYet.length > 0) {
    out.push('', dim(`not started yet: ${notYet.join(', ')}. Open exercises/${notYet[0]}.ts.`));
  }
  for (const message of extra.unhandled) out.push('', red(`grader error: ${message}`));
  if (extra.partial)
    out.push('', dim(`(a filtered run: written to ${extra.reportDir}/grade.partial.json)`));
  else
    out.push(
      '',
      dim(
        `full report: ${extra.reportDir}/grade.json; with the figures: ${extra.reportDir}/index.html`,
      ),
    );
  console.log(out.join('\n'));
}

function row(exercise: ExerciseGrade): string {
  const done = !exercise.tests.some(unmet);
  const mark = done ? green('✓') : notStarted(exercise) ? dim('·') : red('✗');
  const ran = exercise.tests.filter((t) => !t.skipped);
  const points = `${sum(ran.map((t) => t.points))}/${sum(ran.map((t) => t.maxPoints))}`.padStart(5);
  const label = `${exercise.id.slice(0, 2)} ${exercise.title} (${exercise.book})`.padEnd(44);
  const first = exercise.tests.find(unmet);
  const note = done ? '' : notStarted(exercise) ? 'not started' : firstLine(first);
  return ` ${mark} ${label} ${points}  ${dim(note)}`;
}

function firstLine(test: TestGrade | undefined): string {
  if (!test) return '';
  const text = `${test.name}: ${test.message ?? test.status}`.split('\n')[0];
  return text.length > MESSAGE_WIDTH ? text.slice(0, MESSAGE_WIDTH - 1) + '…' : text;
}

function details(exercise: ExerciseGrade, consoleLines: string[] | undefined): string[] {
  const test = exercise.tests.find(unmet) ?? exercise.tests[0];
  const failing = exercise.tests.filter(unmet).length;
  if (exercise.loadError) {
    return [
      bold(
        `${exercise.id} · book ${exercise.book} · none of its ${exercise.tests.length} laws could run`,
      ),
      ...indent(exercise.loadError),
    ];
  }
  const lines = [
    bold(
      `${exercise.id} · book ${exercise.book} · ${failing} of ${exercise.tests.filter((t) => !t.skipped).length} laws ${exercise.tests.some((t) => t.skipped) ? 'run ' : ''}not yet met`,
    ),
    `  ${yellow(test.status)}  ${test.name}`,
    ...indent(test.message ?? ''),
  ];
  if (test.counterexample) lines.push(`  counterexample: ${test.counterexample}`);
  if (test.hint) lines.push(`  ${bold('hint')}: ${test.hint}`);
  // only shown on evidence: what the grader saw the code do, beside the law's own hint
  const diagnosis = test.diagnosis ?? exercise.diagnosis;
  if (diagnosis) lines.push(...diagnosis.split('\n').map((d) => `  ${bold('diagnosis')}: ${d}`));
  if (test.reproduce) lines.push(`  ${dim('rerun just this:')} ${test.reproduce}`);
  if (consoleLines?.length)
    lines.push(dim('  your console output:'), ...consoleLines.map((l) => dim(`    ${l}`)));
  return lines;
}

function indent(text: string): string[] {
  return text.split('\n').map((line) => `    ${line}`);
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
