// The manifest: every exercise in the book's order with its laws, points and hints, as the
// specs declare them. grader/manifest.json is read off the specs (extract.mjs); `npm test`
// refreshes it when a spec changed, and `npm run check` fails if the committed one is stale.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExerciseEntry, Manifest } from './types.ts';

export type { ExerciseEntry, LawEntry, Manifest } from './types.ts';

const MANIFEST = path.join(import.meta.dirname, '..', 'manifest.json');

const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;

export const EXERCISES: readonly ExerciseEntry[] = manifest.exercises;

/** The law of an exercise with this key; throws when there is none (a stale reference). */
export function lawByKey(entry: ExerciseEntry, key: string) {
  const law = entry.laws.find((l) => l.key === key);
  if (!law) throw new Error(`${entry.id} has no law '${key}'`);
  return law;
}
