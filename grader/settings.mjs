// The grader's settings, read from the environment once and validated, so a typo stops the
// run with a message instead of silently grading the wrong tree. Plain JS: the CLI reads it
// before any TypeScript tooling has started.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The two trees a run can grade. */
export const IMPLS = /** @type {const} */ (['exercises', 'solutions']);

/** Fixed so every student sees the same cases; an instructor may hand out others. */
export const DEFAULT_SEED = 42;
/** fast-check's own default; each property is built to stay cheap at this count. */
export const DEFAULT_NUM_RUNS = 100;

export class SettingsError extends Error {
  /** @override */
  name = 'SettingsError';
}

/** The file a student writes their own seed into, at the kit's root (`npm run seed`). */
export const SEED_FILE = '.dlfs-seed';
const ROOT = path.join(import.meta.dirname, '..');

/**
 * @param {Record<string, string | undefined>} env
 * @param {string} root the kit's folder, where a student's .dlfs-seed lives
 * @returns {{ impl: 'exercises' | 'solutions', seed: number, seedFrom: string, numRuns: number, path: string | undefined }}
 */
export function readSettings(env = process.env, root = ROOT) {
  const impl = env.IMPL === undefined || env.IMPL === '' ? 'exercises' : env.IMPL;
  if (impl !== 'exercises' && impl !== 'solutions') {
    throw new SettingsError(
      `IMPL=${JSON.stringify(impl)} is not a tree the grader knows. ` +
        `Use IMPL=exercises (your work, the default) or IMPL=solutions (the reference).`,
    );
  }
  // FC_SEED wins; else the seed a student pinned in .dlfs-seed; else everyone's 42. A grading
  // path that derives FC_SEED itself names its source in DLFS_SEED_FROM (internal, as is
  // DLFS_IMPL_DIR below): batch grading's "the submission's name"
  const pinned = seedFile(root);
  const seedFrom = env.FC_SEED
    ? env.DLFS_SEED_FROM || 'FC_SEED'
    : pinned !== undefined
      ? SEED_FILE
      : 'default';
  const seedEnv = env.FC_SEED ? env : { FC_SEED: pinned };
  return {
    impl,
    seed: readInteger(
      seedEnv,
      seedFrom === SEED_FILE ? SEED_FILE : 'FC_SEED',
      DEFAULT_SEED,
      -(2 ** 31),
      2 ** 31 - 1,
      'FC_SEED',
    ),
    seedFrom,
    numRuns: readInteger(env, 'FC_NUM_RUNS', DEFAULT_NUM_RUNS, 1, 1_000_000),
    path: env.FC_PATH || undefined,
  };
}

/**
 * The trimmed text of .dlfs-seed, or undefined when there is none.
 * @param {string} root
 */
function seedFile(root) {
  const file = path.join(root, SEED_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {string} name what the student set, as an error names it
 * @param {number} fallback
 * @param {number} min
 * @param {number} max
 * @param {string} key the variable to read, when it differs from the name
 */
function readInteger(env, name, fallback, min, max, key = name) {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SettingsError(
      `${name}=${JSON.stringify(raw)} must be an integer from ${min} to ${max}.`,
    );
  }
  return value;
}

/**
 * Where a run writes its reports: `npm run check`, batch grading and the kit's tests send
 * each run to its own folder with DLFS_REPORT_DIR, so none clobbers a student's last report.
 * @param {Record<string, string | undefined>} env
 */
export function reportDir(env = process.env) {
  return env.DLFS_REPORT_DIR || 'reports';
}

/**
 * Where the graded code lives: the tree IMPL selects, or, for batch grading, DLFS_IMPL_DIR (a
 * copy of a submission's exercises/ beside a link to src/; internal, as is the next).
 * DLFS_IMPL_OVERRIDE='02_numerical_diff=path.ts,…' grades those files in place of their
 * exercises, for the galleries and the kit's own tests.
 * @param {string} root the kit's folder
 * @param {Record<string, string | undefined>} env
 * @returns {{ tree: string, overrides: Record<string, string> }}
 */
export function gradedFiles(root, env = process.env) {
  const tree = env.DLFS_IMPL_DIR
    ? path.resolve(env.DLFS_IMPL_DIR)
    : path.join(root, readSettings(env).impl);
  /** @type {Record<string, string>} */
  const overrides = {};
  for (const pair of (env.DLFS_IMPL_OVERRIDE ?? '').split(',').filter(Boolean)) {
    const [id, file] = pair.split('=');
    overrides[id] = path.resolve(root, file);
  }
  return { tree, overrides };
}

/**
 * The file graded for exercise `id` as a student would name it: 'exercises/02_numerical_diff.ts'
 * (its folder and its name, never an absolute path).
 * @param {string} root
 * @param {string} id
 */
export function studentFileName(root, id, env = process.env) {
  const { tree, overrides } = gradedFiles(root, env);
  const file = overrides[id] ?? path.join(tree, `${id}.ts`);
  return `${path.basename(path.dirname(file))}/${path.basename(file)}`;
}
