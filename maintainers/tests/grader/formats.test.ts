// The grade formats: each file written from one grade passes a checker built from that
// format's documentation (format-specs.ts), for a realistic grade and for any text a law's
// message may hold.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGrade, type Grade, type ModuleResult, type Outcome } from '../../../grader/grade.ts';
import { EXERCISES } from '../../../grader/manifest/index.ts';
import {
  CLASSROOM_RUNNER,
  encodeClassroom,
  toClassroom,
  toGradescope,
  toJUnit,
  writeFormats,
} from '../../../grader/formats/index.ts';
import { clean } from '../../../grader/formats/text.ts';
import { checkGradescope, checkJUnit, parseXml, readClassroom } from './format-specs.ts';

const SETTINGS = { impl: 'exercises', seed: 42, numRuns: 100 };
const NASTY = 'a < b && c > "d" \'e\' \x1b[31mred\x1b[0m \x07bell\ttab\nline two ]]> é 𝑥';

/** A grade where each exercise meets a different fate, as in a real class. */
function sampleGrade(): Grade {
  const fates: Array<(name: string, i: number) => Outcome> = [
    () => ({ status: 'passed' }),
    (_, i) =>
      i === 0
        ? {
            status: 'failed',
            message: NASTY,
            counterexample: 'x = -0',
            reproduce: "FC_SEED=42 npm test -- 02 -t '^a$'",
          }
        : { status: 'passed' },
    () => ({ status: 'error', message: 'not implemented yet' }),
    () => ({ status: 'timeout', message: 'the law ran past its 5 s limit' }),
    (_, i) =>
      i % 2
        ? { status: 'error', message: 'not run: left out by the filter', skipped: true }
        : { status: 'passed' },
  ];
  const results = new Map<string, ModuleResult>();
  EXERCISES.forEach((entry, e) => {
    if (e === 5)
      return results.set(entry.id, {
        moduleError: 'SyntaxError: Unexpected token',
        laws: new Map(),
      });
    if (e === 6) return; // never ran at all
    const fate = fates[e % fates.length];
    results.set(entry.id, {
      laws: new Map(entry.laws.map((law, i) => [law.name, fate(law.name, i)])),
    });
  });
  const grade = buildGrade(SETTINGS, EXERCISES, results);
  Object.assign(grade.exercises[0].tests[0], { hidden: true });
  return grade;
}

const laws = (grade: Grade) => grade.exercises.flatMap((e) => e.tests);

describe('Gradescope results.json', () => {
  it('follows the documented fields and sums to the grade', () => {
    const grade = sampleGrade();
    const doc = toGradescope(grade);
    checkGradescope(doc as unknown as Record<string, unknown>);
    expect(doc.score).toBe(grade.score);
    expect(doc.tests.reduce((a, t) => a + t.score, 0)).toBe(grade.score);
    expect(doc.tests.reduce((a, t) => a + t.max_score, 0)).toBe(grade.maxScore);
    expect(new Set(doc.tests.map((t) => t.name)).size).toBe(laws(grade).length);
  });

  it('shows a hidden law with points only once grades are published, and the rest always', () => {
    const grade = sampleGrade();
    const doc = toGradescope(grade);
    // the kit's own hidden laws (instructor/hidden/) count too, beside the one marked here
    const hidden = laws(grade).map((law) => (law as { hidden?: boolean }).hidden === true);
    expect(hidden[0]).toBe(true);
    doc.tests.forEach((t, i) =>
      expect(t.visibility, t.name).toBe(hidden[i] ? 'after_published' : 'visible'),
    );
  });

  it("puts an unmet law's message, counterexample, hint and rerun command in its output", () => {
    const doc = toGradescope(sampleGrade());
    const failed = doc.tests.find((t) => t.name.startsWith('02_') && t.status === 'failed')!;
    expect(failed.output).toContain('counterexample: x = -0');
    expect(failed.output).toContain('hint: ');
    expect(failed.output).toContain('rerun just this: FC_SEED=42');
    expect(failed.output).not.toContain('\x1b');
    expect(doc.tests.filter((t) => t.status === 'passed').every((t) => t.output === '')).toBe(true);
  });
});

describe('GitHub Classroom runner results', () => {
  it("reads back through the reporter's DLFS_RESULTS with the grade's points", () => {
    const grade = sampleGrade();
    const env = {
      [`${CLASSROOM_RUNNER.toUpperCase()}_RESULTS`]: encodeClassroom(toClassroom(grade)),
    };
    const { results, totalScore, maxScore } = readClassroom(env, CLASSROOM_RUNNER);
    expect(totalScore).toBe(grade.score);
    expect(maxScore).toBe(grade.maxScore);
    expect(results.status).toBe('fail');
    expect(results.tests).toHaveLength(laws(grade).length);
    const statuses = results.tests.map((t: { status: string }) => t.status);
    expect(statuses.filter((s: string) => s === 'pass')).toHaveLength(
      laws(grade).filter((t) => t.status === 'passed').length,
    );
  });

  it('says pass only when every law passed', () => {
    const grade = sampleGrade();
    for (const test of laws(grade))
      Object.assign(test, { status: 'passed', points: test.maxPoints });
    expect(toClassroom(grade).status).toBe('pass');
  });
});

describe('JUnit XML', () => {
  it('is well-formed and follows the schema, one suite per exercise', () => {
    const grade = sampleGrade();
    const root = parseXml(toJUnit(grade));
    checkJUnit(root);
    expect(root.children.map((s) => s.attrs.name)).toEqual(grade.exercises.map((e) => e.id));
    const kinds = (tag: string) =>
      root.children.flatMap((s) => s.children).filter((c) => c.children[0]?.name === tag);
    expect(kinds('failure')).toHaveLength(laws(grade).filter((t) => t.status === 'failed').length);
    expect(kinds('skipped')).toHaveLength(laws(grade).filter((t) => t.skipped).length);
    expect(kinds('error')).toHaveLength(
      laws(grade).filter((t) => !t.skipped && (t.status === 'error' || t.status === 'timeout'))
        .length,
    );
  });

  it('keeps any message intact apart from colours and control characters', () => {
    // any text a student's code can put in a message, including markup and lone surrogates
    const textArb = fc.string({ unit: 'binary', maxLength: 60 });
    fc.assert(
      fc.property(textArb, textArb, (name, message) => {
        const grade = sampleGrade();
        Object.assign(grade.exercises[1].tests[0], { name, message });
        const root = parseXml(toJUnit(grade));
        checkJUnit(root);
        const testcase = root.children[1].children.find((c) => c.name === 'testcase')!;
        expect(testcase.attrs.name).toBe(clean(name));
        checkGradescope(JSON.parse(JSON.stringify(toGradescope(grade))));
      }),
      { numRuns: 40 }, // each run formats a whole grade; 40 covers the escapes many times over
    );
  });
});

describe('writeFormats', () => {
  it('writes every format beside grade.json', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-formats-'));
    const grade = sampleGrade();
    writeFormats(grade, dir);
    const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
    expect(JSON.parse(read('results.json')).score).toBe(grade.score);
    expect(JSON.parse(read('classroom.json')).max_score).toBe(grade.maxScore);
    expect(JSON.parse(Buffer.from(read('classroom.b64'), 'base64').toString())).toEqual(
      JSON.parse(read('classroom.json')),
    );
    checkJUnit(parseXml(read('junit.xml')));
  });
});
