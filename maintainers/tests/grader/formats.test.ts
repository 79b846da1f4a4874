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
import { renderHtmlReport } from '../../../grader/html.ts';
import type { Integrity } from '../../../grader/integrity.ts';
import { checkGradescope, checkJUnit, parseXml, readClassroom } from './format-specs.ts';

const SETTINGS = { impl: 'exercises', seed: 42, numRuns: 100 };
const NASTY = 'a < b && c > "d" \'e\' \x1b[31mred\x1b[0m \x07bell\ttab\nline two ]]> é 𝑥';

/** A grade where each exercise meets a different fate, as in a real class. */
function sampleGrade(
  settings: Parameters<typeof buildGrade>[0] = SETTINGS,
  integrity?: Integrity,
): Grade {
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
  const grade = buildGrade(settings, EXERCISES, results, integrity);
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
    // one entry per law, after the run's own (worth nothing; it passes while the seal holds)
    expect(results.tests).toHaveLength(laws(grade).length + 1);
    const statuses = results.tests.slice(1).map((t: { status: string }) => t.status);
    expect(statuses.filter((s: string) => s === 'pass')).toHaveLength(
      laws(grade).filter((t) => t.status === 'passed').length,
    );
    expect([results.tests[0].status, results.tests[0].score]).toEqual(['pass', 0]);
  });

  it('says pass only when every law passed', () => {
    const grade = sampleGrade();
    for (const test of laws(grade))
      Object.assign(test, { status: 'passed', points: test.maxPoints });
    expect(toClassroom(grade).status).toBe('pass');
  });
});

describe('JUnit XML', () => {
  it('is well-formed and follows the schema: one suite for the run, then one per exercise', () => {
    const grade = sampleGrade();
    const root = parseXml(toJUnit(grade));
    checkJUnit(root);
    expect(root.children.map((s) => s.attrs.name)).toEqual([
      'dlfs-ch4',
      ...grade.exercises.map((e) => e.id),
    ]);
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
        const suite = root.children.find((s) => s.attrs.name === grade.exercises[1].id)!;
        const testcase = suite.children.find((c) => c.name === 'testcase')!;
        expect(testcase.attrs.name).toBe(clean(name));
        checkGradescope(JSON.parse(JSON.stringify(toGradescope(grade))));
      }),
      { numRuns: 40 }, // each run formats a whole grade; 40 covers the escapes many times over
    );
  });
});

describe('the integrity seal and the seed, in every channel the instructor reads', () => {
  // a student release whose spec was edited: the grade may not be the instructor's
  const BROKEN: Integrity = { ok: false, modified: ['spec/x.spec.ts'], missing: [], added: [] };
  const HELD: Integrity = { ok: true, modified: [], missing: [], added: [] };
  const PINNED = { impl: 'exercises', seed: 1234, seedFrom: '.dlfs-seed', numRuns: 100 };
  const broken = () => sampleGrade(PINNED, BROKEN);
  const WARNING =
    /WARNING: 1 file\(s\) the grade depends on differ[\s\S]*modified {2}spec\/x\.spec\.ts/;
  const SEED = 'seed 1234 (from .dlfs-seed), 100 cases per property';
  const html = (grade: Grade) =>
    renderHtmlReport(grade, mkdtempSync(path.join(os.tmpdir(), 'dlfs-html-')));

  it("Gradescope: results.json's output carries the warning and the seed", () => {
    const { output } = toGradescope(broken());
    expect(output).toMatch(WARNING);
    expect(output).toContain(SEED);
    expect(toGradescope(sampleGrade(PINNED, HELD)).output).not.toMatch(/WARNING/);
  });

  it('Classroom: a first, zero-point test fails with the warning and names the seed', () => {
    const grade = broken();
    const { results, totalScore } = readClassroom(
      { DLFS_RESULTS: encodeClassroom(toClassroom(grade)) },
      CLASSROOM_RUNNER,
    );
    const [run] = results.tests;
    expect([run.status, run.score]).toEqual(['fail', 0]);
    expect(run.message).toMatch(WARNING);
    expect(run.name).toContain(SEED);
    expect(totalScore).toBe(grade.score); // the warning costs no point; it is for the instructor
    // and where every law passes, a broken seal still fails the run
    const allPassed = sampleGrade(PINNED, BROKEN);
    for (const test of laws(allPassed))
      Object.assign(test, { status: 'passed', points: test.maxPoints });
    expect(toClassroom(allPassed).status).toBe('fail');
    expect(toClassroom(sampleGrade(PINNED, HELD)).tests[0].status).toBe('pass');
  });

  it('JUnit: the first suite holds a failing testcase with the warning, and the seed', () => {
    const root = parseXml(toJUnit(broken()));
    checkJUnit(root);
    const [run] = root.children;
    const failure = run.children.find((c) => c.name === 'testcase')!.children[0];
    expect(failure.name).toBe('failure');
    expect(failure.text).toMatch(WARNING);
    const properties = run.children.find((c) => c.name === 'properties')!.children;
    expect(properties.map((p) => p.attrs.value)).toContain(SEED);
    const held = parseXml(toJUnit(sampleGrade(PINNED, HELD))).children[0];
    expect(held.attrs.failures).toBe('0');
  });

  it('the HTML report: an element with id "seal" holds the warning, and the page names the seed', () => {
    const page = html(broken());
    const seal = /<[a-z]+ [^>]*id="seal"[^>]*>([\s\S]*?)<\/[a-z]+>/.exec(page);
    expect(seal?.[1]).toMatch(WARNING);
    expect(page).toContain(SEED);
    expect(html(sampleGrade(PINNED, HELD))).not.toContain('id="seal"');
  });

  it("every channel gives the seed without a source when it is everyone's default", () => {
    const grade = sampleGrade({ ...SETTINGS, seedFrom: 'default' });
    expect(grade.seedFrom).toBeUndefined();
    const plain = 'seed 42, 100 cases per property';
    const classroom = toClassroom(grade).tests[0].name;
    for (const text of [toGradescope(grade).output, classroom, toJUnit(grade), html(grade)])
      expect(text).toContain(plain);
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
