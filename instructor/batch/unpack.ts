// A submission is a folder or a .zip that holds an exercises/ folder, at its top or one level
// down (a zip of the student's whole folder). Only that folder's regular files are taken:
// no links (which could point at solutions/), no path that climbs out of it (zip-slip), and
// no more than a course's worth of bytes (zip bombs).
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';

const EXERCISES = 'exercises';
const MAX_BYTES = 5 * 1024 * 1024; // seven exercise files are a few kB; 5 MB allows helpers and data
const MAX_FILES = 200;

export class SubmissionError extends Error {
  override name = 'SubmissionError';
}

/** A student's name from their submission: 'alice.zip' → 'alice'. */
export function studentOf(entry: string): string {
  return path.basename(entry).replace(/\.zip$/i, '');
}

/** Copies the submission's exercises/ into `dest` (created) and returns how many files it took. */
export function unpackSubmission(source: string, dest: string): number {
  const files = source.toLowerCase().endsWith('.zip') ? fromZip(source) : fromFolder(source);
  if (files.size === 0) throw new SubmissionError(`no ${EXERCISES}/ folder with files in it`);
  let bytes = 0;
  for (const [relative, data] of files) {
    bytes += data.length;
    if (bytes > MAX_BYTES || files.size > MAX_FILES) {
      throw new SubmissionError(
        `${EXERCISES}/ holds more than ${MAX_FILES} files or ${MAX_BYTES} bytes`,
      );
    }
    const target = path.resolve(dest, relative);
    if (!target.startsWith(path.resolve(dest) + path.sep)) continue; // never write outside dest
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
  return files.size;
}

/**
 * A zip entry's path below exercises/, or undefined for entries outside it and for any that
 * is absolute or climbs with '..' (the zip-slip attack).
 */
export function safeEntryPath(name: string): string | undefined {
  const parts = name.replace(/\\/g, '/').split('/');
  const at = parts.indexOf(EXERCISES);
  if (at < 0 || at > 1 || name.startsWith('/') || /^[a-z]:/i.test(name)) return undefined;
  if (parts.some((p) => p === '..' || p === '.' || p.includes('\0'))) return undefined;
  const rest = parts.slice(at + 1);
  if (rest.length === 0) return undefined;
  if (rest[rest.length - 1] === '') return undefined; // a folder entry
  return rest.join('/');
}

function fromZip(file: string): Map<string, Uint8Array> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(readFileSync(file), {
      // skip anything outside exercises/ and anything that claims to be huge, unread
      filter: (f) => safeEntryPath(f.name) !== undefined && f.originalSize <= MAX_BYTES,
    });
  } catch (error) {
    throw new SubmissionError(`not a readable zip: ${(error as Error).message}`);
  }
  const files = new Map<string, Uint8Array>();
  // a zip may hold both exercises/ and name/exercises/; the shallower one wins
  const depth = (name: string) => name.replace(/\\/g, '/').split('/').indexOf(EXERCISES);
  const top = Math.min(...Object.keys(entries).map(depth));
  for (const [name, data] of Object.entries(entries)) {
    const relative = safeEntryPath(name);
    if (relative !== undefined && depth(name) === top) files.set(relative, data);
  }
  return files;
}

function fromFolder(dir: string): Map<string, Uint8Array> {
  const candidates = [path.join(dir, EXERCISES)];
  for (const name of safeList(dir)) candidates.push(path.join(dir, name, EXERCISES));
  const found = candidates.find((c) => lstatSync(c, { throwIfNoEntry: false })?.isDirectory());
  const files = new Map<string, Uint8Array>();
  if (found) walk(found, '', files);
  return files;
}

function walk(dir: string, prefix: string, files: Map<string, Uint8Array>): void {
  for (const name of safeList(dir)) {
    const full = path.join(dir, name);
    const stat = lstatSync(full);
    if (files.size > MAX_FILES) return;
    if (stat.isDirectory() && name !== 'node_modules') walk(full, `${prefix}${name}/`, files);
    else if (stat.isFile()) files.set(`${prefix}${name}`, readFileSync(full));
    // links and devices are left behind: a link could lead to solutions/
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => !n.startsWith('.'))
      .sort();
  } catch {
    return [];
  }
}
