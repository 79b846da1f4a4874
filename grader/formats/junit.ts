// JUnit XML, the format CI systems and LMS plug-ins read: one <testsuite> per exercise, one
// <testcase> per law, <failure> for an unmet law, <error> for one that crashed or ran out of
// time, <skipped/> for one a filtered run left out. Attributes follow the Ant/Jenkins schema.
import type { ExerciseGrade, Grade, TestGrade } from '../grade.ts';
import { clean, explain, runSettings, sealWarning } from './text.ts';

const PACKAGE = 'dlfs-ch4';

export function toJUnit(grade: Grade): string {
  const all = grade.exercises.flatMap((e) => e.tests);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${PACKAGE}" ${counts(all)} time="0">`,
    ...run(grade),
    ...grade.exercises.flatMap((exercise, i) => suite(exercise, i + 1)),
    '</testsuites>',
    '',
  ];
  return lines.join('\n');
}

/** The run itself: how to reproduce it, and whether the graded files were as released. */
function run(grade: Grade): string[] {
  const seal = sealWarning(grade);
  const open = `    <testcase name="the graded files match the release" classname="${PACKAGE}" time="0"`;
  return [
    `  <testsuite name="${PACKAGE}" id="0" package="${PACKAGE}" tests="1" failures="${seal ? 1 : 0}" errors="0" skipped="0" time="0">`,
    '    <properties>',
    property('impl', grade.impl),
    property('settings', runSettings(grade)),
    '    </properties>',
    seal
      ? `${open}>\n      <failure message="modified files" type="integrity">${text(seal)}</failure>\n    </testcase>`
      : `${open}/>`,
    '  </testsuite>',
  ];
}

function suite(exercise: ExerciseGrade, id: number): string[] {
  return [
    `  <testsuite name="${attr(exercise.id)}" id="${id}" package="${PACKAGE}" ${counts(exercise.tests)} time="0">`,
    '    <properties>',
    property('title', exercise.title),
    property('book', exercise.book),
    property('score', String(exercise.score)),
    property('maxScore', String(exercise.maxScore)),
    '    </properties>',
    ...exercise.tests.map((test) => testcase(exercise, test)),
    '  </testsuite>',
  ];
}

function testcase(exercise: ExerciseGrade, test: TestGrade): string {
  const open = `    <testcase name="${attr(test.name)}" classname="${attr(exercise.id)}" time="0"`;
  if (test.status === 'passed') return `${open}/>`;
  if (test.skipped) return `${open}>\n      <skipped/>\n    </testcase>`;
  const tag = test.status === 'failed' ? 'failure' : 'error';
  const message = attr(clean(test.message ?? test.status).split('\n')[0]);
  const body = text(explain(test, exercise.diagnosis));
  return `${open}>\n      <${tag} message="${message}" type="${test.status}">${body}</${tag}>\n    </testcase>`;
}

function counts(tests: readonly TestGrade[]): string {
  const skipped = tests.filter((t) => t.skipped).length;
  const failures = tests.filter((t) => t.status === 'failed' && !t.skipped).length;
  const errors = tests.filter(
    (t) => t.status !== 'passed' && t.status !== 'failed' && !t.skipped,
  ).length;
  return `tests="${tests.length}" failures="${failures}" errors="${errors}" skipped="${skipped}"`;
}

function property(name: string, value: string): string {
  return `      <property name="${name}" value="${attr(value)}"/>`;
}

function text(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes and keep their newlines as character references. */
function attr(s: string): string {
  return text(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
