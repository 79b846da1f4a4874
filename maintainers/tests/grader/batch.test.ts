// Batch grading: a small class of correct, partial and hostile submissions, as folders and
// zips, gets exactly the grades it should, and no submission can break out of its copy.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gradeBatch, listSubmissions } from '../../../instructor/batch/index.ts';
import { cell } from '../../../instructor/batch/csv.ts';
import { gradeSubmission } from '../../../instructor/batch/grade-one.ts';
import { KINDS, makeClass } from '../../../instructor/batch/sample-class.ts';
import { safeEntryPath, unpackSubmission } from '../../../instructor/batch/unpack.ts';
import { EXERCISES } from '../../../grader/manifest/index.ts';
import { readSettings } from '../../../grader/settings.mjs';

// six full grades, two at a time: a few minutes on a busy two-core machine, where the clock
// stretches far; each run's own limit is in CPU time (120 s, 720 s on the clock)
const BATCH_TIMEOUT_MS = 1_200_000;
const temp = () => mkdtempSync(path.join(os.tmpdir(), 'dlfs-batch-test-'));

describe('unpacking a submission', () => {
  it('takes paths below exercises/ and refuses any that climbs out (zip-slip)', () => {
    expect(safeEntryPath('exercises/01_loss_functions.ts')).toBe('01_loss_functions.ts');
    expect(safeEntryPath('alice/exercises/lib/helper.ts')).toBe('lib/helper.ts');
    expect(safeEntryPath('exercises/../../etc/passwd')).toBeUndefined();
    expect(safeEntryPath('../exercises/x.ts')).toBeUndefined();
    expect(safeEntryPath('/exercises/x.ts')).toBeUndefined();
    expect(safeEntryPath('C:\\exercises\\x.ts')).toBeUndefined();
    expect(safeEntryPath('a/b/exercises/x.ts')).toBeUndefined();
    expect(safeEntryPath('exercises/')).toBeUndefined();
    expect(safeEntryPath('solutions/01_loss_functions.ts')).toBeUndefined();
  });

  it('writes nothing outside its folder, whatever the zip says', () => {
    const dir = temp();
    const zip = path.join(dir, 'evil.zip');
    writeFileSync(
      zip,
      zipSync({
        'exercises/01_loss_functions.ts': Buffer.from('export {};\n'),
        'exercises/../escaped.ts': Buffer.from('x'),
        '../../escaped.ts': Buffer.from('x'),
      }),
    );
    const dest = path.join(dir, 'out', 'exercises');
    expect(unpackSubmission(zip, dest)).toBe(1);
    expect(existsSync(path.join(dest, '01_loss_functions.ts'))).toBe(true);
    expect(existsSync(path.join(dir, 'escaped.ts'))).toBe(false);
    expect(existsSync(path.join(dir, 'out', 'escaped.ts'))).toBe(false);
  });

  it('leaves links behind, since one could lead to solutions/', () => {
    const dir = temp();
    mkdirSync(path.join(dir, 'bob', 'exercises'), { recursive: true });
    writeFileSync(path.join(dir, 'bob', 'exercises', '01_loss_functions.ts'), 'export {};\n');
    symlinkSync(path.resolve('solutions'), path.join(dir, 'bob', 'exercises', 'answers'));
    const dest = path.join(dir, 'copy');
    expect(unpackSubmission(path.join(dir, 'bob'), dest)).toBe(1);
    expect(existsSync(path.join(dest, 'answers'))).toBe(false);
  });
});

describe('the grade book', () => {
  it('quotes cells as RFC 4180 says and keeps formulas from running', () => {
    expect(cell('alice')).toBe('alice');
    expect(cell('o"brien, j')).toBe('"o""brien, j"');
    expect(cell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(cell(12)).toBe('12');
  });
});

describe('grading a class', () => {
  it(
    'gives each submission its due, survives hostile ones, and writes the CSV',
    async () => {
      const dir = temp();
      const subs = path.join(dir, 'submissions');
      const expected = makeClass(subs, KINDS.length);
      mkdirSync(path.join(subs, 'zz-empty'));
      writeFileSync(path.join(subs, 'zz-garbage.zip'), 'not a zip');
      const out = path.join(dir, 'out');
      const rows = await gradeBatch(listSubmissions(subs), {
        outDir: out,
        jobs: 2,
        timeLimitMs: 120_000,
      });

      const csv = readFileSync(path.join(out, 'grades.csv'), 'utf8').trim().split('\n');
      const ids = EXERCISES.map((e) => e.id);
      expect(csv[0]).toBe(
        ['student', ...ids, 'total', 'max', 'status', 'seconds', 'seed'].join(','),
      );
      const byStudent = new Map(csv.slice(1).map((line) => [line.split(',')[0], line.split(',')]));
      for (const s of expected) {
        const cells = byStudent.get(s.student)!;
        expect(cells.slice(1, 1 + ids.length).map(Number), s.student).toEqual(
          ids.map((id) => s.expected[id]),
        );
        expect(Number(cells[1 + ids.length]), s.student).toBe(s.total);
        expect(cells[3 + ids.length], s.student).toBe(s.status); // 'timeout' for a hang
        // without --seed-from-name, the one seed the kit grades with, for every student
        expect(cells[5 + ids.length], s.student).toBe(String(readSettings().seed));
        const grade = JSON.parse(readFileSync(path.join(out, s.student, 'grade.json'), 'utf8'));
        expect(grade.score).toBe(s.total);
        expect(
          JSON.parse(readFileSync(path.join(out, s.student, 'results.json'), 'utf8')).score,
        ).toBe(s.total);
      }
      for (const name of ['zz-empty', 'zz-garbage']) {
        const row = rows.find((r) => r.student === name)!;
        expect(row.status).toMatch(/^no exercises/);
        expect(row.grade.score).toBe(0);
        expect(row.grade.exercises.map((e) => e.id)).toEqual(ids); // every exercise, full maxScore
        expect(row.grade.maxScore).toBe(expected[0].total);
      }
      expect(existsSync(path.join(dir, 'escaped.ts'))).toBe(false);
    },
    BATCH_TIMEOUT_MS,
  );

  it('stops a run at its time limit and still records every exercise at 0', async () => {
    const dir = temp();
    const [s] = makeClass(path.join(dir, 'subs'), 1);
    const row = await gradeSubmission(path.join(dir, 'subs', s.student), {
      workDir: path.join(dir, 'work'),
      outDir: path.join(dir, 'out'),
      timeLimitMs: 1_000, // far less than any full grade takes
    });
    expect(row.status).toBe('time limit');
    expect(row.grade.score).toBe(0);
    expect(row.grade.maxScore).toBe(s.total);
    expect(row.grade.exercises.flatMap((e) => e.tests).every((t) => t.status === 'timeout')).toBe(
      true,
    );
  }, 60_000);
});
