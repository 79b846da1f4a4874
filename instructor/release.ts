// `npm run release -- <dir>`: the kit a student gets. It holds the stubs as they are, the
// specs, the grader, src/ and the fast kernels (kernels/) that the grader and training switch
// on, and leaves out what answers or only serves maintainers: solutions/, mistakes/, an
// instructor's hidden specs, and the tests and tools that need them. It records the checksum
// of every file a grade depends on (grader/integrity.ts), so a grade made with a changed spec
// or manifest says so.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CHECKSUM_FILE, computeChecksums } from '../grader/integrity.ts';

const KIT = path.resolve(import.meta.dirname, '..');

/** What a release copies from the kit, files and whole folders, less RELEASE_DROPS. */
export const RELEASED = [
  'README.md',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'vitest.config.ts',
  'eslint.config.js',
  '.prettierrc.json',
  '.prettierignore',
  '.gitignore',
  'exercises',
  'spec',
  'src',
  'kernels',
  'grader',
  'tools',
  'docs',
  'coverage/README.md',
];

/**
 * Inside the copied folders, what only maintainers and instructors use: the check and the
 * mutation run need solutions/ and mistakes/; batch and Gradescope grading run on the
 * instructor's kit, never on a student's; a stale checksum file is written afresh.
 */
export const RELEASE_DROPS = [CHECKSUM_FILE];

/** Scripts of package.json that would fail without what the release drops. */
export const DROPPED_SCRIPTS = [
  'check',
  'mutation',
  'mutation:src',
  'mutation:solutions',
  'mutation:summary',
  'bench:step',
  'coverage',
  'docs',
  'test:kit',
  'bench',
  'build:wasm',
  'grade:batch',
  'gradescope',
  'release',
];

/** Builds the release into `out`, which must be new or empty and outside the kit. */
export function buildRelease(out: string): { files: number; checksums: number } {
  const target = path.resolve(out);
  if (target === KIT || target.startsWith(KIT + path.sep)) {
    throw new Error(`release: ${out} is inside the kit; choose a folder outside ${KIT}`);
  }
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new Error(`release: ${out} is not empty; choose a new or empty folder`);
  }
  const dropped = new Set(RELEASE_DROPS.map((p) => path.join(KIT, p)));
  for (const entry of RELEASED) {
    const from = path.join(KIT, entry);
    if (!existsSync(from)) continue;
    cpSync(from, path.join(target, entry), {
      recursive: true,
      filter: (source) => !dropped.has(source),
    });
  }
  writeFileSync(path.join(target, 'package.json'), releasePackageJson());
  writeFileSync(path.join(target, 'tsconfig.json'), releaseTsconfig());
  const checksums = computeChecksums(target);
  const record = {
    about:
      'SHA-256 of every file the grade depends on; npm test warns when one differs. ' +
      'Written by npm run release.',
    files: checksums,
  };
  writeFileSync(path.join(target, CHECKSUM_FILE), JSON.stringify(record, null, 2) + '\n');
  return { files: releaseFiles(target).length, checksums: Object.keys(checksums).length };
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

/** The kit's package.json less the maintainers' scripts; the lock file stays valid as is. */
function releasePackageJson(): string {
  const pkg = JSON.parse(readFileSync(path.join(KIT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  for (const name of DROPPED_SCRIPTS) delete pkg.scripts[name];
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
    const { files, checksums } = buildRelease(out);
    console.log(
      `wrote the student release to ${out}: ${files} files, ${checksums} of them under ` +
        `checksum in ${CHECKSUM_FILE}.\nTry it: cd ${out} && npm ci && npm test ` +
        '(every exercise at 0, "not implemented yet").',
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}
