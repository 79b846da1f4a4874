// The manifest is read off the specs: each spec declares its exercise with `exercise({ id,
// title, book, exports })` and each law with `law(key, { name, points, hint, covers }, body)`,
// so a law's sentence, points and hint are written once, beside the law. This file finds
// those declarations with TypeScript's parser (no spec is run) and writes
// grader/manifest.json, which the reporter reads even when a student's file cannot load.
// Plain JS: grader/cli.mjs calls it before any TypeScript tooling has started.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const MANIFEST_FILE = path.join('grader', 'manifest.json');
const SPEC_DIR = 'spec';
const HIDDEN_DIR = path.join('instructor', 'hidden');
const KEY = /^[a-z][a-z0-9_]*$/;

/** @typedef {typeof import('typescript')} TS */
/** @typedef {import('typescript').Node} Node */
/** @typedef {import('./types.ts').ExerciseEntry} ExerciseEntry */
/** @typedef {import('./types.ts').LawEntry & { at?: string }} Declared */
/** @typedef {(node: Node) => string} Where */

export class ManifestError extends Error {
  /** @override */
  name = 'ManifestError';
}

/**
 * The spec files a grade runs, in book order: spec/NN_*.spec.ts, then the hidden ones.
 * @param {string} root
 */
export function specSources(root) {
  /** @param {string} dir @param {RegExp} pattern */
  const list = (dir, pattern) =>
    existsSync(path.join(root, dir))
      ? readdirSync(path.join(root, dir))
          .filter((f) => pattern.test(f))
          .sort()
          .map((f) => path.join(dir, f).split(path.sep).join('/'))
      : [];
  return [
    ...list(SPEC_DIR, /^\d\d_[a-z0-9_]+\.spec\.ts$/),
    ...list(HIDDEN_DIR, /^\d\d_[a-z0-9_]+\.hidden\.spec\.ts$/),
  ];
}

/**
 * SHA-256 of each spec file: the manifest is stale when these differ from its record.
 * @param {string} root
 * @returns {Record<string, string>}
 */
export function sourceHashes(root) {
  return Object.fromEntries(
    specSources(root).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(path.join(root, file)))
        .digest('hex'),
    ]),
  );
}

/**
 * The manifest recorded in grader/manifest.json, or undefined if it is missing or stale.
 * @param {string} root
 * @returns {import('./types.ts').Manifest | undefined}
 */
export function readFreshManifest(root) {
  const file = path.join(root, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  const now = sourceHashes(root);
  const recorded = manifest.sources ?? {};
  const same =
    Object.keys(now).length === Object.keys(recorded).length &&
    Object.entries(now).every(([f, sum]) => recorded[f] === sum);
  return same ? manifest : undefined;
}

/**
 * Reads every spec's declarations; throws a ManifestError naming the file and line.
 * @param {string} root
 * @returns {import('./types.ts').Manifest}
 */
export function extractManifest(root) {
  /** @type {TS} */
  const ts = createRequire(import.meta.url)('typescript');
  /** @type {ExerciseEntry[]} */
  const exercises = [];
  for (const file of specSources(root)) {
    const hidden = file.startsWith(HIDDEN_DIR.split(path.sep).join('/'));
    const text = readFileSync(path.join(root, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    /** @type {Where} */
    const where = (node) =>
      `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const { declared, laws } = declarationsOf(ts, source, where);
    if (declared.length !== 1) {
      throw new ManifestError(`${file} must call exercise({ id, … }) exactly once`);
    }
    const meta = declared[0];
    if (hidden) {
      const entry = exercises.find((e) => e.id === meta.id);
      if (!entry) {
        throw new ManifestError(`${file}: exercise '${meta.id}' has no spec in spec/`);
      }
      entry.laws.push(...laws.map((law) => ({ ...law, hidden: true })));
    } else {
      const expected = path.basename(file, '.spec.ts');
      if (meta.id !== expected) {
        throw new ManifestError(`${file}: exercise({ id: '${meta.id}' }) should be '${expected}'`);
      }
      for (const field of ['title', 'book']) {
        if (typeof meta[field] !== 'string' || meta[field] === '') {
          throw new ManifestError(`${file}: exercise({ … }) needs a ${field}`);
        }
      }
      if (!Array.isArray(meta.exports) || meta.exports.length === 0) {
        throw new ManifestError(`${file}: exercise({ … }) needs its exports`);
      }
      exercises.push({
        id: meta.id,
        title: meta.title,
        book: meta.book,
        exports: meta.exports,
        ownWork: meta.ownWork ?? [],
        context: meta.context ?? [],
        laws,
      });
    }
  }
  for (const entry of exercises) validateLaws(entry);
  return { sources: sourceHashes(root), exercises };
}

/**
 * Regenerates grader/manifest.json when a spec changed; returns the manifest.
 * @param {string} root
 */
export function ensureManifest(root) {
  const fresh = readFreshManifest(root);
  if (fresh) return fresh;
  const manifest = extractManifest(root);
  writeFileSync(path.join(root, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** @param {ExerciseEntry & { laws: Declared[] }} entry */
function validateLaws(entry) {
  /** @type {Map<string, string>} */
  const seen = new Map();
  for (const law of entry.laws) {
    const problem = !KEY.test(law.key)
      ? `its key '${law.key}' is not a lowercase_identifier`
      : seen.has(law.key)
        ? `its key '${law.key}' is taken by another law of ${entry.id}`
        : [...seen.values()].includes(law.name)
          ? 'another law has the same name'
          : typeof law.name !== 'string' || law.name.trim() === ''
            ? 'it has no name'
            : !(Number.isInteger(law.points) && law.points > 0)
              ? `its points (${law.points}) are not a positive whole number`
              : typeof law.hint !== 'string' || law.hint.trim() === ''
                ? 'it has no hint'
                : '';
    if (problem) throw new ManifestError(`${law.at}: law '${law.key}' of ${entry.id}: ${problem}`);
    seen.set(law.key, law.name);
    delete law.at;
  }
}

/**
 * The exercise(...) metadata and the law(...) declarations of one spec, in order.
 * @param {TS} ts @param {Node} source @param {Where} where
 */
function declarationsOf(ts, source, where) {
  /** @type {any[]} */
  const declared = [];
  /** @type {Declared[]} */
  const laws = [];
  /** @param {Node} node */
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const callee = node.expression.text;
      if (callee === 'exercise') {
        declared.push(literal(ts, node.arguments[0], where));
      } else if (callee === 'law') {
        const [key, decl] = node.arguments;
        if (!key || !ts.isStringLiteralLike(key) || !decl) {
          throw new ManifestError(`${where(node)}: write law('key', { name, points, hint }, body)`);
        }
        const { name, points, hint, covers } = literal(ts, decl, where);
        laws.push({ key: key.text, name, points, hint, covers: covers ?? [], at: where(node) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { declared, laws };
}

/**
 * The value of a literal written in a spec: strings (and their + joins), numbers, arrays, objects.
 * @param {TS} ts @param {Node | undefined} node @param {Where} where
 * @returns {any}
 */
function literal(ts, node, where) {
  if (!node) throw new ManifestError('a declaration is missing its argument');
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text.replace(/_/g, ''));
  if (ts.isParenthesizedExpression(node)) return literal(ts, node.expression, where);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return literal(ts, node.left, where) + literal(ts, node.right, where);
  }
  if (ts.isArrayLiteralExpression(node)) return node.elements.map((e) => literal(ts, e, where));
  if (ts.isObjectLiteralExpression(node)) {
    /** @type {Record<string, unknown>} */
    const value = {};
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) {
        throw new ManifestError(`${where(property)}: write each field as name: value`);
      }
      value[property.name.text] = literal(ts, property.initializer, where);
    }
    return value;
  }
  throw new ManifestError(
    `${where(node)}: a law's declaration holds literals only (strings, numbers, arrays), so the ` +
      'grader can read it without running the spec',
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const root = path.resolve(import.meta.dirname, '..', '..');
  try {
    const manifest = extractManifest(root);
    writeFileSync(path.join(root, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
    const laws = manifest.exercises.reduce((n, e) => n + e.laws.length, 0);
    console.log(`wrote ${MANIFEST_FILE}: ${manifest.exercises.length} exercises, ${laws} laws`);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    console.error(`manifest: ${error.message}`);
    process.exit(2);
  }
}
