// Checksums of every file a grade depends on. `npm run release` records them in a student
// release; each `npm test` there compares, and a grade made with a changed spec, manifest or
// library says so, in the table and in grade.json. It is a tamper-evident seal, not a lock:
// whoever can edit a spec can edit this check too. The instructor's own grading (Gradescope,
// batch) runs the instructor's kit around the student's exercises/, so it never needs it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where a release keeps its checksums, relative to the kit's root. */
export const CHECKSUM_FILE = 'grader/checksums.json';

/**
 * What a grade depends on: the specs and their harness, an instructor's hidden specs (a
 * release has none, so one that appears is reported), the grader with its manifest, the
 * trusted library and its fast kernels, and the files that configure the run. Not exercises/ (the student's work),
 * tools/ and test/ (npm test never runs them), nor node_modules/ (npm ci checks it against
 * the integrity hashes of package-lock.json, which is itself listed here).
 */
export const GRADED_PATHS = [
  'spec',
  'instructor/hidden',
  'grader',
  'src',
  'kernels',
  'vitest.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

export interface Integrity {
  ok: boolean;
  /** Files whose bytes differ from the release's. */
  modified: string[];
  /** Files of the release that are gone. */
  missing: string[];
  /** Files the release did not have, under a graded folder. */
  added: string[];
}

/** Relative path (with '/') → SHA-256 in hex, for every file under GRADED_PATHS, sorted. */
export function computeChecksums(root: string): Record<string, string> {
  const sums: Record<string, string> = {};
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) visit(path.posix.join(relative, name));
    } else if (relative !== CHECKSUM_FILE) {
      sums[relative] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  for (const entry of GRADED_PATHS) visit(entry);
  return sums;
}

/** Compares the kit with its recorded checksums; undefined when none are recorded. */
export function verifyIntegrity(root: string): Integrity | undefined {
  const file = path.join(root, CHECKSUM_FILE);
  if (!existsSync(file)) return undefined;
  let recorded: Record<string, string>;
  try {
    recorded = (JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, string> }).files;
  } catch {
    return { ok: false, modified: [CHECKSUM_FILE], missing: [], added: [] };
  }
  const now = computeChecksums(root);
  const modified = Object.keys(recorded).filter((f) => f in now && now[f] !== recorded[f]);
  const missing = Object.keys(recorded).filter((f) => !(f in now));
  const added = Object.keys(now).filter((f) => !(f in recorded));
  const ok = modified.length + missing.length + added.length === 0;
  return { ok, modified, missing, added };
}

/** The warning printed under the grade table, or '' when every file matches. */
export function integrityWarning(integrity: Integrity | undefined): string {
  if (!integrity || integrity.ok) return '';
  const lines = [
    ...integrity.modified.map((f) => `    modified  ${f}`),
    ...integrity.missing.map((f) => `    missing   ${f}`),
    ...integrity.added.map((f) => `    added     ${f}`),
  ];
  return [
    `WARNING: ${lines.length} file(s) the grade depends on differ from the release (${CHECKSUM_FILE}):`,
    ...lines,
    "  This grade may not be the one your instructor's grader gives. Restore those files from",
    '  the release you were given; only exercises/ is yours to change.',
  ].join('\n');
}
