// The manifest: every exercise in the book's order, with its laws, points and hints. Specs
// register their tests by these names; the reporter grades by them; `npm run check` proves
// the three trees and this list agree.
import { existsSync } from 'node:fs';
import { lossFunctions } from './01_loss_functions.ts';
import { numericalDiff } from './02_numerical_diff.ts';
import { numericalGradient } from './03_numerical_gradient.ts';
import { gradientDescent } from './04_gradient_descent.ts';
import { simpleNet } from './05_simple_net.ts';
import { twoLayerNet } from './06_two_layer_net.ts';
import { trainNeuralNet } from './07_train_neuralnet.ts';
import type { ExerciseEntry, LawEntry } from './types.ts';

export type { ExerciseEntry, LawEntry, DiagnosisEntry } from './types.ts';

/** Exercise id → the instructor's hidden laws of that exercise. */
export type HiddenLaws = Record<string, LawEntry[]>;

// An instructor's hidden laws live beside their specs in instructor/hidden/, which a student
// release leaves out whole, so a student's manifest holds no trace of them. The path is
// built at run time so the type checker does not ask for a file a release lacks.
const HIDDEN_MANIFEST = new URL('../../instructor/hidden/manifest.ts', import.meta.url);
const hidden: HiddenLaws = existsSync(HIDDEN_MANIFEST)
  ? ((await import(HIDDEN_MANIFEST.href)) as { HIDDEN_LAWS: HiddenLaws }).HIDDEN_LAWS
  : {};

export const EXERCISES: readonly ExerciseEntry[] = [
  lossFunctions,
  numericalDiff,
  numericalGradient,
  gradientDescent,
  simpleNet,
  twoLayerNet,
  trainNeuralNet,
].map((entry) => withHidden(entry, hidden[entry.id] ?? []));

/** Appends hidden laws after the visible ones; they never replace or reorder a visible law. */
export function withHidden(entry: ExerciseEntry, laws: readonly LawEntry[]): ExerciseEntry {
  if (laws.length === 0) return entry;
  return { ...entry, laws: [...entry.laws, ...laws.map((law) => ({ ...law, hidden: true }))] };
}
