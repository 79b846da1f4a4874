// The instructor's hidden laws, merged into grader/manifest/ when this folder is present.
// A student release (npm run release) leaves the whole folder out, so students never see
// these names; each law still earns points, and Gradescope shows it once grades are published.
import type { HiddenLaws } from '../../grader/manifest/index.ts';

export const HIDDEN_LAWS: HiddenLaws = {
  '01_loss_functions': [
    {
      name: 'labels outside 0..K−1 are refused with an error',
      points: 1,
      hint: 'A label picks a column of y: check that each one is an integer from 0 to K−1 before you read y[n, t[n]], and throw an Error that names it.',
    },
    {
      name: 'a one-hot t of another shape with as many elements is refused',
      points: 1,
      hint: 'A t with y.size elements is one-hot only if its shape is the shape of y: a (3, 2) t is not a (2, 3) one, so compare the shapes, not just the sizes.',
    },
  ],
};
