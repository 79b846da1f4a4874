// The release's checksums: any change to a file the grade depends on is named, in the
// table and in grade.json, and changes to a student's own exercises/ never are.
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Grade } from '../../../grader/grade.ts';
import {
  CHECKSUM_FILE,
  computeChecksums,
  integrityWarning,
  verifyIntegrity,
} from '../../../grader/integrity.ts';
import { buildRelease } from '../../../instructor/release.ts';

const KIT = path.resolve(import.meta.dirname, '../../..');
const GRADE_TIMEOUT_MS = 120_000;

/** A student's shell: none of this run's grader or vitest settings. */
const studentEnv = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(VITEST|DLFS_|FC_|IMPL$|GRADER_|NODE_OPTIONS$)/.test(key),
    ),
  );

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-integrity-'));
  temps.push(dir);
  return dir;
};

/** A tiny kit: two graded files and a stub, with their checksums recorded. */
function sealedKit(): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'spec'));
  mkdirSync(path.join(dir, 'grader'));
  mkdirSync(path.join(dir, 'exercises'));
  writeFileSync(path.join(dir, 'spec/a.spec.ts'), 'law a\n');
  writeFileSync(path.join(dir, 'grader/b.ts'), 'grade b\n');
  writeFileSync(path.join(dir, 'exercises/01.ts'), 'TODO\n');
  const files = computeChecksums(dir);
  writeFileSync(path.join(dir, CHECKSUM_FILE), JSON.stringify({ files }));
  return dir;
}

describe('verifyIntegrity', () => {
  it('says nothing in a kit without recorded checksums (the instructor’s own)', () => {
    expect(verifyIntegrity(tempDir())).toBeUndefined();
    expect(integrityWarning(undefined)).toBe('');
  });

  it('is ok for an untouched release, whatever the student does in exercises/', () => {
    const dir = sealedKit();
    writeFileSync(path.join(dir, 'exercises/01.ts'), 'solved\n');
    writeFileSync(path.join(dir, 'exercises/helpers.ts'), 'mine\n');
    expect(verifyIntegrity(dir)).toEqual({ ok: true, modified: [], missing: [], added: [] });
  });

  it('names a modified, a missing and an added file', () => {
    const dir = sealedKit();
    appendFileSync(path.join(dir, 'spec/a.spec.ts'), '// skip\n');
    rmSync(path.join(dir, 'grader/b.ts'));
    mkdirSync(path.join(dir, 'instructor/hidden'), { recursive: true });
    writeFileSync(path.join(dir, 'instructor/hidden/manifest.ts'), 'more\n');
    const integrity = verifyIntegrity(dir);
    expect(integrity).toEqual({
      ok: false,
      modified: ['spec/a.spec.ts'],
      missing: ['grader/b.ts'],
      added: ['instructor/hidden/manifest.ts'],
    });
    const warning = integrityWarning(integrity);
    expect(warning).toMatch(/^WARNING: 3 file\(s\)/);
    expect(warning).toMatch(/modified {2}spec\/a\.spec\.ts/);
    expect(warning).toMatch(/missing {3}grader\/b\.ts/);
  });

  it('reports a checksum file it cannot read as modified', () => {
    const dir = sealedKit();
    writeFileSync(path.join(dir, CHECKSUM_FILE), '{ not json');
    expect(verifyIntegrity(dir)?.modified).toEqual([CHECKSUM_FILE]);
  });
});

describe('npm test in a release with an edited spec', () => {
  it(
    'prints the warning and records it in grade.json',
    () => {
      const dir = tempDir();
      buildRelease(dir);
      // the kit's own packages: the same lock file, and no 25 s of npm ci for this test
      symlinkSync(path.join(KIT, 'node_modules'), path.join(dir, 'node_modules'));
      appendFileSync(path.join(dir, 'spec/02_numerical_diff.spec.ts'), '// edited\n');
      const run = spawnSync(process.execPath, ['grader/cli.mjs', '02_numerical_diff'], {
        cwd: dir,
        env: studentEnv(),
        encoding: 'utf8',
      });
      // the edited spec, and the manifest npm test reads afresh off it
      expect(run.stdout).toMatch(/WARNING: 2 file\(s\) the grade depends on differ/);
      expect(run.stdout).toMatch(/modified {2}spec\/02_numerical_diff\.spec\.ts/);
      const grade = JSON.parse(
        readFileSync(path.join(dir, 'reports/grade.partial.json'), 'utf8'),
      ) as Grade;
      expect(grade.integrity).toEqual({
        ok: false,
        modified: ['spec/02_numerical_diff.spec.ts', 'grader/manifest.json'],
        missing: [],
        added: [],
      });
    },
    GRADE_TIMEOUT_MS,
  );
});
