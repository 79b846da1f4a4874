// Seeds: one stable seed per student id (npm run seed, Gradescope, Classroom, batch), inside
// the range FC_SEED accepts, and a seed a student pins in .dlfs-seed, which every run reads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Grade } from '../../../grader/grade.ts';
import { seedFromId as graderSeed } from '../../../grader/seed.mjs';
import { readSettings, SEED_FILE, SettingsError } from '../../../grader/settings.mjs';
import { seedFromId } from '../../../instructor/seed.ts';
import { cloneKit, KIT } from './kit-clone.ts';

const GRADE_TIMEOUT_MS = 300_000; // one exercise graded on a busy two-core machine, with room to spare
const temps: string[] = [];
const temp = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-seed-'));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('seedFromId', () => {
  it('is FNV-1a of the id: the published vectors for "" and "a"', () => {
    expect(seedFromId('') >>> 0).toBe(0x811c9dc5);
    expect(seedFromId('a') >>> 0).toBe(0xe40c292c);
  });

  it('ignores surrounding spaces and tells nearby ids apart', () => {
    expect(seedFromId(' s1234567 ')).toBe(seedFromId('s1234567'));
    expect(seedFromId('s1234567')).not.toBe(seedFromId('s1234568'));
  });

  it('gives seeds that FC_SEED accepts', () => {
    for (const id of ['s1234567', 'alice@example.edu', '学生-42']) {
      const seed = seedFromId(id);
      expect(readSettings({ FC_SEED: String(seed) }).seed).toBe(seed);
    }
  });

  it('is the same in npm run seed, in grader/seed.mjs and on its command line', () => {
    const ids = ['s1234567', 'alice@example.edu', '学生-42', '314159', 'octo-student'];
    for (const id of ids) expect(graderSeed(id), id).toBe(seedFromId(id));
    for (const id of ids) {
      const run = spawnSync(process.execPath, ['grader/seed.mjs', id], {
        cwd: KIT,
        encoding: 'utf8',
      });
      expect(run.stdout.trim(), id).toBe(String(seedFromId(id)));
    }
  });
});

describe('a seed pinned in .dlfs-seed', () => {
  it('is read from the kit’s root, and the settings say where it came from', () => {
    const root = temp();
    writeFileSync(path.join(root, SEED_FILE), ' 1234\n');
    expect(readSettings({}, root)).toMatchObject({ seed: 1234, seedFrom: SEED_FILE });
  });

  it('gives way to FC_SEED, and without either the seed is everyone’s 42', () => {
    const root = temp();
    writeFileSync(path.join(root, SEED_FILE), '1234');
    expect(readSettings({ FC_SEED: '7' }, root)).toMatchObject({ seed: 7, seedFrom: 'FC_SEED' });
    expect(readSettings({}, temp())).toMatchObject({ seed: 42, seedFrom: 'default' });
  });

  it('stops the run with an error that names .dlfs-seed when it holds no seed', () => {
    const root = temp();
    writeFileSync(path.join(root, SEED_FILE), 'my seed\n');
    expect(() => readSettings({}, root)).toThrow(SettingsError);
    expect(() => readSettings({}, root)).toThrow(/^\.dlfs-seed="my seed" must be an integer/);
  });

  it(
    'is the seed npm test grades with, and its report says so',
    () => {
      const kit = cloneKit();
      temps.push(kit);
      writeFileSync(path.join(kit, SEED_FILE), `${seedFromId('s1234567')}\n`);
      const reports = temp();
      const env = Object.fromEntries(
        Object.entries(process.env).filter(([key]) => !/^(VITEST|DLFS_|FC_|IMPL$)/.test(key)),
      );
      const run = spawnSync(process.execPath, ['grader/cli.mjs', '01_loss_functions'], {
        cwd: kit,
        env: { ...env, DLFS_REPORT_DIR: reports, NO_COLOR: '1' },
        encoding: 'utf8',
      });
      const grade = JSON.parse(
        readFileSync(path.join(reports, 'grade.partial.json'), 'utf8'),
      ) as Grade;
      expect([grade.seed, grade.seedFrom], run.stderr).toEqual([seedFromId('s1234567'), SEED_FILE]);
      expect(run.stdout).toContain(`seed ${seedFromId('s1234567')} (from ${SEED_FILE})`);
    },
    GRADE_TIMEOUT_MS,
  );
});
