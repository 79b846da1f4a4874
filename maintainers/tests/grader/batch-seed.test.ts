// Batch grading with --seed-from-name: each student's cases come from a seed derived from the
// submission's name, as `npm run seed -- <name>` derives it, and every report says so. The
// submissions are the stubs, so each full run is cheap: every law stops at its TODO.
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { Grade } from '../../../grader/grade.ts';
import { seedFromId } from '../../../grader/seed.mjs';
import { gradeBatch, listSubmissions } from '../../../instructor/batch/index.ts';
import { SEED_FROM_NAME } from '../../../instructor/batch/grade-one.ts';
import { KIT } from './kit-clone.ts';

// two full grades of the stubs side by side, on a busy two-core machine, with room to spare
const BATCH_TIMEOUT_MS = 600_000;
const dir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-batch-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A folder submission and a zip submission of the kit's stubs, and one with no exercises/. */
function stubClass(dir: string): void {
  cpSync(path.join(KIT, 'exercises'), path.join(dir, 'alice', 'exercises'), { recursive: true });
  const entries: Record<string, Uint8Array> = {};
  for (const name of readdirSync(path.join(KIT, 'exercises')))
    entries[`bob/exercises/${name}`] = readFileSync(path.join(KIT, 'exercises', name));
  writeFileSync(path.join(dir, 'bob.zip'), zipSync(entries));
  mkdirSync(path.join(dir, 'carol-empty'));
}

describe('grading a class with --seed-from-name', () => {
  it(
    "gives each submission seedFromId(its name), and each report says it came from the submission's name",
    async () => {
      const subs = path.join(dir, 'submissions');
      stubClass(subs);
      const out = path.join(dir, 'out');
      const rows = await gradeBatch(listSubmissions(subs), {
        outDir: out,
        jobs: 2,
        timeLimitMs: 120_000,
        seedFromName: true,
      });

      const csv = readFileSync(path.join(out, 'grades.csv'), 'utf8').trim().split('\n');
      const seedColumn = csv[0].split(',').indexOf('seed');
      expect(seedColumn).toBeGreaterThan(0);
      const cells = new Map(
        csv
          .slice(1)
          .map((line) => line.split(','))
          .map((c) => [c[0], c]),
      );
      const said = (seed: number) => `seed ${seed} (from ${SEED_FROM_NAME})`;
      for (const student of ['alice', 'bob', 'carol-empty']) {
        const seed = seedFromId(student);
        const row = rows.find((r) => r.student === student)!;
        expect([row.grade.seed, row.grade.seedFrom], student).toEqual([seed, SEED_FROM_NAME]);
        expect(cells.get(student)?.[seedColumn], student).toBe(String(seed));
        const grade = JSON.parse(
          readFileSync(path.join(out, student, 'grade.json'), 'utf8'),
        ) as Grade;
        expect([grade.seed, grade.seedFrom], student).toEqual([seed, SEED_FROM_NAME]);
        const results = JSON.parse(readFileSync(path.join(out, student, 'results.json'), 'utf8'));
        expect(results.output, student).toContain(said(seed));
      }
      expect(seedFromId('alice')).not.toBe(seedFromId('bob'));
      // the two that ran: the terminal's report says it too
      for (const student of ['alice', 'bob']) {
        const output = readFileSync(path.join(out, student, 'output.txt'), 'utf8');
        expect(output, student).toContain(said(seedFromId(student)));
        expect(rows.find((r) => r.student === student)!.status, output).toBe('graded');
      }
    },
    BATCH_TIMEOUT_MS,
  );
});
