// The galleries of wrong (and differently right) solutions the grader is measured on.
// - kept: maintainers/mistakes/NN_id.yaml, each mistake as the edit it makes to
//   solutions/NN_id.ts; applying it rebuilds the wrong file, so it cannot drift from the
//   solution it mutates.
// - held out: maintainers/heldout/{wrong,correct}/NN_id/*.ts, whole files written by someone
//   who read only the stub headers and the book, never the laws, hints or diagnoses. Never
//   tune the grader to them; add new ones when the grader changes.
// Each entry is graded from a file of its own, written beside a link to src/ so that its
// `import … from '../src/index.ts'` resolves as an exercise's would.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const KIT = path.resolve(import.meta.dirname, '../..');
const KEPT = path.join(KIT, 'maintainers', 'mistakes');
const HELD_OUT = path.join(KIT, 'maintainers', 'heldout');

export interface Edit {
  from: string;
  to: string;
}

export interface GalleryEntry {
  gallery: 'kept' | 'held out';
  /** Held out: the helper's batch it came in (batch1, batch2, …), each written unseen. */
  batch?: string;
  /** The exercise it stands in for, e.g. '02_numerical_diff'. */
  id: string;
  /** Its name within the exercise's gallery. */
  key: string;
  /** What is wrong with it, in plain words; absent for a correct solution. */
  mistake?: string;
  /** For a correct solution: how it differs from the obvious one. */
  correct?: string;
  /** The key of the law that must catch it (kept mistakes). */
  caughtBy?: string;
  /**
   * The suspects (grader/suspects.ts) whose diagnosis would be true of it; any other names a
   * mistake it does not contain. Undefined while a held-out file awaits its review.
   */
  names?: string[];
  /** The file's whole text. */
  source: string;
}

interface KeptYaml {
  mistake: string;
  caughtBy: string;
  names?: string[];
  edit: Edit[];
}

/**
 * The solution with each edit applied. Every `from` is found in the solution as it stands,
 * exactly once and apart from the others, so the edits read independently of their order.
 */
export function applyEdits(solution: string, edits: readonly Edit[], what: string): string {
  const placed = edits.map(({ from, to }) => {
    const at = solution.indexOf(from);
    if (at < 0 || solution.indexOf(from, at + 1) >= 0) {
      throw new Error(
        `${what}: its edit expects ${at < 0 ? 'to find' : 'a single'} "${from.split('\n')[0]}…" in the solution`,
      );
    }
    return { at, end: at + from.length, to };
  });
  placed.sort((a, b) => a.at - b.at);
  let text = '';
  let cursor = 0;
  for (const edit of placed) {
    if (edit.at < cursor) throw new Error(`${what}: two of its edits overlap`);
    text += solution.slice(cursor, edit.at) + edit.to;
    cursor = edit.end;
  }
  return text + solution.slice(cursor);
}

/** Every kept mistake, rebuilt from its edit of the solution. */
export function readKeptGallery(): GalleryEntry[] {
  return readdirSync(KEPT)
    .filter((f) => /^\d\d_[a-z0-9_]+\.yaml$/.test(f))
    .sort()
    .flatMap((file) => {
      const id = file.replace(/\.yaml$/, '');
      const solution = readFileSync(path.join(KIT, 'solutions', `${id}.ts`), 'utf8');
      const entries = parse(readFileSync(path.join(KEPT, file), 'utf8')) as Record<
        string,
        KeptYaml
      >;
      return Object.entries(entries).map(([key, m]) => ({
        gallery: 'kept' as const,
        id,
        key,
        mistake: m.mistake,
        caughtBy: m.caughtBy,
        names: m.names ?? [],
        source: applyEdits(solution, m.edit, `maintainers/mistakes/${file} › ${key}`),
      }));
    });
}

/**
 * Every held-out file. Its first line states what it is (`// @mistake …` or `// @correct …`);
 * a reviewer adds `// @names key, …` (or `// @names none`): the suspects whose diagnosis would
 * be true of it. A file whose stated mistake the stub header does not forbid is marked
 * `// @review correct by the header: <why>` and graded as a correct one.
 */
export function readHeldOutGallery(): GalleryEntry[] {
  const entries: GalleryEntry[] = [];
  const batches = existsSync(HELD_OUT)
    ? readdirSync(HELD_OUT).filter((b) => /^batch\d+$/.test(b))
    : [];
  for (const batch of batches.sort()) {
    for (const kind of ['wrong', 'correct']) {
      const base = path.join(HELD_OUT, batch, kind);
      if (!existsSync(base)) continue;
      for (const id of readdirSync(base).sort()) {
        for (const file of readdirSync(path.join(base, id))
          .filter((f) => f.endsWith('.ts'))
          .sort()) {
          const source = readFileSync(path.join(base, id, file), 'utf8');
          const tag = (name: string) =>
            new RegExp(`^// @${name} (.+)$`, 'm').exec(source)?.[1].trim();
          const names = tag('names');
          const review = tag('review');
          const correct = tag('correct') ?? (review?.startsWith('correct') ? review : undefined);
          entries.push({
            gallery: 'held out',
            batch,
            id,
            key: `${batch}/${file.replace(/\.ts$/, '')}`,
            ...(correct ? { correct } : { mistake: tag('mistake') ?? '' }),
            ...(names === undefined
              ? {}
              : { names: names === 'none' ? [] : names.split(',').map((n) => n.trim()) }),
            source,
          });
        }
      }
    }
  }
  return entries;
}

/**
 * Writes the entry as `<dir>/<id>__<key>/mistake/<id>.ts` beside a link to src/, and returns
 * the file's path (what DLFS_IMPL_OVERRIDE names).
 */
export function materialize(entry: GalleryEntry, dir: string): string {
  const home = path.join(
    dir,
    `${entry.gallery === 'kept' ? 'kept' : 'heldout'}__${entry.id}__${entry.key.replace('/', '_')}`,
  );
  mkdirSync(path.join(home, 'mistake'), { recursive: true });
  symlinkSync(path.join(KIT, 'src'), path.join(home, 'src'), 'dir');
  const file = path.join(home, 'mistake', `${entry.id}.ts`);
  writeFileSync(file, entry.source);
  return file;
}

/** A kept mistake's module, loaded from a file of its own: for tests that drive it directly. */
export async function importKept<T>(id: string, key: string, dir: string): Promise<T> {
  const entry = readKeptGallery().find((m) => m.id === id && m.key === key);
  if (!entry) throw new Error(`maintainers/mistakes/${id}.yaml has no mistake '${key}'`);
  return (await import(materialize(entry, dir))) as T;
}
