// `npm run release -- <dir>`: the kit a student gets. It copies the student's folders and
// the grader, with the exercise stubs as committed (never the instructor's working copies),
// a README without the maintainers' parts, and only the scripts whose files it ships. It
// reads the manifest off its own specs, so an instructor's hidden laws leave no trace, records
// the checksum of every file a grade depends on (grader/integrity.ts), and proves itself by
// grading its own stubs: a release that would give a point away is not reported as built.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Grade } from '../grader/grade.ts';
import { CHECKSUM_FILE, computeChecksums } from '../grader/integrity.ts';
import { extractManifest, ManifestError, MANIFEST_FILE } from '../grader/manifest/extract.mjs';
import { committedStubs, differingNote, StubError } from './stubs.ts';

const KIT = path.resolve(import.meta.dirname, '..');

/** The student's folders and what `npm test` needs to run them; exercises/ comes from git. */
export const RELEASED = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'vitest.config.ts',
  'eslint.config.js',
  '.prettierrc.json',
  '.prettierignore',
  '.gitignore',
  'spec',
  'src',
  'kernels',
  'grader',
  'tools',
  'coverage/README.md',
];

/** README.md's parts that speak to maintainers and instructors, left out of a release. */
const KIT_ONLY = /<!-- kit only -->[\s\S]*?<!-- \/kit only -->\n?/g;

export class ReleaseError extends Error {
  override name = 'ReleaseError';
}

/**
 * Builds the release into `out`, which must be new or empty and outside the kit, and grades
 * it; throws a ReleaseError (and leaves `out` for inspection) if its stubs earn any point.
 */
export function buildRelease(out: string): { files: number; checksums: number; note: string } {
  const target = path.resolve(out);
  if (target === KIT || target.startsWith(KIT + path.sep)) {
    throw new ReleaseError(`release: ${out} is inside the kit; choose a folder outside ${KIT}`);
  }
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new ReleaseError(`release: ${out} is not empty; choose a new or empty folder`);
  }
  extractManifest(KIT); // a broken hidden spec is the instructor's to fix, before students see it
  const stubs = committedStubs(KIT);
  for (const entry of RELEASED) {
    const from = path.join(KIT, entry);
    if (existsSync(from)) cpSync(from, path.join(target, entry), { recursive: true });
  }
  rmSync(path.join(target, CHECKSUM_FILE), { force: true });
  for (const [file, text] of stubs.files) {
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    writeFileSync(path.join(target, file), text);
  }
  writeFileSync(path.join(target, 'README.md'), studentReadme());
  // read off the release's own specs: the instructor's hidden laws stay behind
  const manifest = extractManifest(target);
  writeFileSync(path.join(target, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(path.join(target, 'package.json'), releasePackageJson(target));
  writeFileSync(path.join(target, 'tsconfig.json'), releaseTsconfig());
  const checksums = computeChecksums(target);
  const record = {
    about:
      'SHA-256 of every file the grade depends on; npm test warns when one differs. ' +
      'Written by npm run release.',
    files: checksums,
  };
  writeFileSync(path.join(target, CHECKSUM_FILE), JSON.stringify(record, null, 2) + '\n');
  proveStubsEarnNothing(target);
  return {
    files: releaseFiles(target).length,
    checksums: Object.keys(checksums).length,
    note: differingNote(stubs),
  };
}

/** Grades the release's own stubs with the kit's installed packages; every law must earn 0. */
function proveStubsEarnNothing(target: string): void {
  const link = path.join(target, 'node_modules');
  const reports = mkdtempSync(path.join(os.tmpdir(), 'dlfs-release-proof-'));
  symlinkSync(path.join(KIT, 'node_modules'), link, 'dir');
  try {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !/^(VITEST|DLFS_|FC_|IMPL$)/.test(key)),
    );
    spawnSync(process.execPath, ['grader/cli.mjs'], {
      cwd: target,
      env: { ...env, DLFS_REPORT_DIR: reports, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    let grade: Grade;
    try {
      grade = JSON.parse(readFileSync(path.join(reports, 'grade.json'), 'utf8')) as Grade;
    } catch {
      throw new ReleaseError(
        'release: grading the release failed, so it is not proven; see ' + reports,
      );
    }
    const scored = grade.exercises.filter((e) => e.score > 0);
    if (scored.length > 0) {
      throw new ReleaseError(
        `release: its stubs earn points, so it would hand out answers: ${scored
          .map((e) => `exercises/${e.id}.ts ${e.score}/${e.maxScore}`)
          .join(', ')}. Commit the stubs, not solved exercises.`,
      );
    }
  } finally {
    rmSync(link, { force: true });
    rmSync(path.join(target, 'reports'), { recursive: true, force: true });
  }
}

/** The root README less its kit-only parts: what a student needs, and nothing that fails. */
export function studentReadme(): string {
  return readFileSync(path.join(KIT, 'README.md'), 'utf8').replace(KIT_ONLY, '');
}

/** Every file of a release, relative and with '/', sorted: what the tests compare. */
export function releaseFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => !file.startsWith('node_modules/') && !file.startsWith('reports/'))
    .sort();
}

/**
 * The kit's package.json with only the scripts that can run in the release: each file a
 * script names must ship, and each script it runs (`npm run x`) must stay.
 */
function releasePackageJson(target: string): string {
  const pkg = JSON.parse(readFileSync(path.join(KIT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const shipped = (command: string) =>
    [...command.matchAll(/(?:\.\/)?([\w-]+(?:\/[\w.-]+)+)/g)]
      .map((m) => m[1])
      .filter((p) => /\.(ts|mjs|js|py)$/.test(p) || !p.includes('.'))
      .every((p) => existsSync(path.join(target, p)));
  let kept = Object.keys(pkg.scripts).filter((name) => shipped(pkg.scripts[name]));
  for (let changed = true; changed;) {
    const before = kept.length;
    kept = kept.filter((name) =>
      [...pkg.scripts[name].matchAll(/npm run ([\w:-]+)/g)].every((m) => kept.includes(m[1])),
    );
    changed = kept.length !== before;
  }
  pkg.scripts = Object.fromEntries(kept.map((name) => [name, pkg.scripts[name]]));
  return JSON.stringify(pkg, null, 2) + '\n';
}

/** The specs' `@impl` types come from the stubs, since solutions/ is not there. */
function releaseTsconfig(): string {
  const text = readFileSync(path.join(KIT, 'tsconfig.json'), 'utf8');
  const solutions = '"@impl/*": ["./solutions/*"]';
  if (!text.includes(solutions)) throw new Error(`release: tsconfig.json has no ${solutions}`);
  return text.replace(solutions, '"@impl/*": ["./exercises/*"]');
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: npm run release -- <folder>');
    process.exit(2);
  }
  try {
    const { files, checksums, note } = buildRelease(out);
    if (note) console.log(note);
    console.log(
      `wrote the student release to ${out}: ${files} files, ${checksums} of them under ` +
        `checksum in ${CHECKSUM_FILE}. Its stubs were graded: 0 points, as they must be.\n` +
        `Try it: cd ${out} && npm ci && npm test`,
    );
  } catch (error) {
    if (![ReleaseError, StubError, ManifestError].some((kind) => error instanceof kind))
      throw error;
    console.error((error as Error).message);
    process.exit(2);
  }
}
