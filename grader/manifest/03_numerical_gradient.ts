import type { ExerciseEntry } from './types.ts';

const BOOK =
  'gives the book gradients (6, 8), (0, 4) and (6, 0) of x0² + x1² at (3, 4), (0, 2) and (3, 0)';
const NON_SEPARABLE =
  'x0·x1² at (3, 4) has gradient [16, 24], which needs x put back after each coordinate';
const SYMBOLIC =
  'agrees with the symbolic gradient from mathjs of generated functions of up to four variables';
const ONE_AT_A_TIME =
  'leaves x bit-identical, and every call of f sees exactly one coordinate moved by +h or by −h';
const CALLS = 'calls f at most 2·size times';
const CLOSURE =
  'works when f ignores its argument and reads W through a closure, as in lambda W: net.loss(x, t)';
const SHAPE = 'returns the gradient in the shape of x, for a vector, a weight matrix or more axes';

export const numericalGradient: ExerciseEntry = {
  id: '03_numerical_gradient',
  title: 'The numerical gradient',
  book: '4.4',
  exports: ['numericalGradient'],
  laws: [
    {
      name: BOOK,
      points: 1,
      hint: 'Apply the central difference of 02 to one element at a time: x[i] ± h with h = 1e-4, the others unchanged (book 4.4).',
    },
    {
      name: NON_SEPARABLE,
      points: 1,
      hint: 'After the two calls of f for element i, write its saved value back (as the book does with x[idx] = tmp_val), or the next partial derivative is taken at a shifted point.',
    },
    {
      name: SYMBOLIC,
      points: 2,
      hint: 'Each partial derivative should be as accurate as numericalDiff: central difference, h = 1e-4, divided by 2h.',
    },
    {
      name: ONE_AT_A_TIME,
      points: 2,
      hint: 'Save tmp = x[i], set x[i] = tmp + h, call f, set x[i] = tmp − h, call f, then x[i] = tmp. Assigning the saved value restores it exactly; adding and subtracting h does not.',
    },
    {
      name: CALLS,
      points: 1,
      hint: 'Two calls of f per element are all you need; check the loop bound (i < x.size).',
    },
    {
      name: CLOSURE,
      points: 2,
      hint: 'Move the elements of x itself, not of a copy: in the book lambda W: net.loss(x, t), f reads the weights through the network and never looks at its argument (book 4.4.2).',
    },
    {
      name: SHAPE,
      points: 1,
      hint: 'Build the gradient with zerosLike(x), so it has the shape of x, and fill grad.data[i] for the same flat index i you moved in x.data.',
    },
  ],
  diagnoses: [
    {
      failed: [SHAPE],
      passed: [BOOK],
      say: 'your gradient does not come back in the shape of x: allocate it with zerosLike(x) and fill it by the same flat index you move.',
    },
    {
      failed: [NON_SEPARABLE, ONE_AT_A_TIME],
      passed: [BOOK],
      say: 'x is not put back after each coordinate, so later partial derivatives are taken at a shifted point: write the saved value back after the two calls of f.',
    },
    {
      failed: [CLOSURE],
      passed: [BOOK],
      say: 'you move a copy of x: an f that reads the weights through a closure, like lambda W: net.loss(x, t), never sees the change. Move the elements of x itself and put them back.',
    },
    {
      failed: [ONE_AT_A_TIME],
      passed: [BOOK, NON_SEPARABLE, CALLS],
      say: 'x changed in its last bits: moving it by +h, −2h and +h again does not return the exact value in floating point. Save the value and assign it back.',
    },
    {
      failed: [BOOK, ONE_AT_A_TIME],
      passed: [CALLS],
      say: 'some calls of f see x with no coordinate moved: the second point must be x − h (x[i] = tmp − h), and the quotient the central (f(x + h) − f(x − h)) / 2h, not a forward difference.',
    },
    {
      failed: [CALLS],
      passed: [BOOK],
      say: 'f is called more than twice per element: loop over i < x.size and call f only at x + h·eᵢ and x − h·eᵢ.',
    },
  ],
};
