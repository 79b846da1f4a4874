// The manifest: every exercise in the book's order, with its laws, points and hints. Specs
// register their tests by these names; the reporter grades by them; `npm run check` proves
// the three trees and this list agree.
import { lossFunctions } from './01_loss_functions.ts';
import { numericalDiff } from './02_numerical_diff.ts';
import { numericalGradient } from './03_numerical_gradient.ts';
import { gradientDescent } from './04_gradient_descent.ts';
import { simpleNet } from './05_simple_net.ts';
import { twoLayerNet } from './06_two_layer_net.ts';
import { trainNeuralNet } from './07_train_neuralnet.ts';
import type { ExerciseEntry } from './types.ts';

export type { ExerciseEntry, LawEntry, DiagnosisEntry } from './types.ts';

export const EXERCISES: readonly ExerciseEntry[] = [
  lossFunctions,
  numericalDiff,
  numericalGradient,
  gradientDescent,
  simpleNet,
  twoLayerNet,
  trainNeuralNet,
];
