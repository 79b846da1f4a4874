import type { ExerciseEntry } from './types.ts';

const BOOK =
  'numericalDiff reproduces the book: 0.1999999999990898 at x = 5 and 0.2999999999986347 at x = 10';
const LINEAR = 'equals the slope a for every affine f(x) = a·x + b, and 0 for a constant';
const CUBE =
  'on f(x) = x³ it errs by exactly h² = 1e-8, as a central difference must, not by about 3x·h';
const CALLS = 'calls f exactly twice, at x + h and at x − h';
const SYMBOLIC =
  'agrees with the symbolic derivative from mathjs within the central-difference error bound';

export const numericalDiff: ExerciseEntry = {
  id: '02_numerical_diff',
  title: 'Numerical differentiation',
  book: '4.3',
  exports: ['numericalDiff'],
  laws: [
    {
      name: BOOK,
      points: 1,
      hint: 'Use the central difference (f(x + h) − f(x − h)) / (2·h) with h = 1e-4, exactly as the book writes numerical_diff (book 4.3.1).',
    },
    {
      name: LINEAR,
      points: 1,
      hint: 'For a straight line any difference quotient is exact, if the step is large enough to change x and you divide by the distance between your two points.',
    },
    {
      name: CUBE,
      points: 2,
      hint: 'A central difference cancels the h·f″ term, so its error is h²·f‴/6; on x³ that is exactly h². Check both the formula and h = 1e-4 (book 4.3.1).',
    },
    {
      name: CALLS,
      points: 1,
      hint: 'Evaluate f exactly twice: once at x + h and once at x − h, with h = 1e-4. Do not evaluate f(x) itself.',
    },
    {
      name: SYMBOLIC,
      points: 2,
      hint: 'The error of a central difference with h = 1e-4 is about 1e-9 for these smooth functions; a larger one means a one-sided difference, a wrong h or a wrong denominator.',
    },
  ],
  diagnoses: [
    {
      failed: [LINEAR, CALLS],
      say: 'with a step as tiny as 1e-50, x + h rounds back to x and f(x + h) − f(x − h) is 0: rounding wins. The book uses h = 1e-4.',
    },
    {
      failed: [LINEAR],
      passed: [CALLS],
      say: 'your slopes are off by a constant factor (twice the slope of a straight line?): divide by 2h, the distance between x − h and x + h.',
    },
    {
      failed: [CUBE, BOOK],
      passed: [LINEAR],
      say: 'your derivative error shrinks like h, not h²: that is a forward (or backward) difference; the book uses (f(x + h) − f(x − h)) / 2h.',
    },
    {
      failed: [CUBE],
      passed: [LINEAR, BOOK],
      say: 'your central difference uses a step other than h = 1e-4: on x³ its error is h², and yours is not 1e-8.',
    },
    {
      failed: [CALLS],
      passed: [BOOK, LINEAR, CUBE, SYMBOLIC],
      say: 'your value is right but f is called more than twice, or at other points: the central difference needs only f(x + h) and f(x − h). Averaging the forward and backward differences gives the same number with an extra call of f(x).',
    },
  ],
};
