// Laws of the central difference of book 4.3, each beside the book's worked example.
import fc from 'fast-check';
import { realArb } from './support/arbitraries.ts';
import { asNumber, expectClose, type Tolerance } from './support/close.ts';
import { formatNumber } from './support/format.ts';
import { exercise, forAll } from '../grader/harness.ts';
import { fail } from '../grader/law-error.ts';
import { thirdDerivativeBound, univariateExprArb, X_RANGE } from './support/symbolic.ts';
import { suspects } from './diagnoses/02_numerical_diff.ts';

// the code under test loads last, after the spec's own modules have captured pristine built-ins
const {
  law,
  impl: { numericalDiff },
} = await exercise(
  {
    id: '02_numerical_diff',
    title: 'Numerical differentiation',
    book: '4.3',
    exports: ['numericalDiff'],
    context: [
      'The derivative of f at x, approximated by a central difference',
      'Its error is h²·f',
      'A forward difference',
    ],
  },
  () => import('@impl/02_numerical_diff'),
  suspects,
);

const H = 1e-4; // the book's step
const EPS = Number.EPSILON;

// The book's values carry the rounding noise of its own quotient, up to ε·|f(x)|/h (the
// difference of two values of size |f| is off by ~ε·|f|, then divided by 2h). Anything that
// close is the book's computation or a more accurate one; a forward difference's extra
// 0.01·h = 1e-6 on function_1 is a thousand times outside it.
const bookTolerance = (f: (x: number) => number, x: number): Tolerance => ({
  abs: (EPS * Math.abs(f(x))) / H,
  rel: 0,
});
// f = a·x + b with |a|, |b|, |x| ≤ 10: each f(x ± h) rounds within 2ε·110, so the quotient
// within 4ε·110 / 2h ≈ 5e-10; x ± h itself rounds within ½ulp(10), which moves the true step
// by ≤ 9e-12 relative, ×|a| ≤ 1e-10. 1e-9 covers both; a doubled slope is off by |a|.
const LINEAR: Tolerance = { abs: 1e-9, rel: 0 };
// On x³ with |x| ≤ 2 the central error is exactly h² = 1e-8 in exact arithmetic; rounding adds
// ≤ 4ε·8 / 2h ≈ 4e-11 (f) + 12·ε·2 / 2h ≈ 3e-11 (the step): 1e-10 is 1% of h², so a step of
// 1e-5 (error 1e-10) fails as surely as a one-sided difference (error ≈ 3x·h ≥ 1.5e-4).
const CUBE: Tolerance = { abs: 1e-10, rel: 0 };
// x ± h is one floating-point addition: any honest order of it lands within 2ε relative.
const ARGUMENT: Tolerance = { abs: 1e-300, rel: 2 * EPS };
// mathjs evaluates f'(x) in floating point too: a few hundred ε relative at most.
const ORACLE_REL = 1e-12;

const diff = (f: (x: number) => number, x: number) =>
  asNumber(numericalDiff(f, x), 'numericalDiff');

/**
 * The central-difference error bound at x: h²·|f'''|/6 (truncation, |f'''| from the oracle's
 * estimate) + E·ε/h (f(x ± h) each off by ≤ E·ε, E counted while the expression was built)
 * + |f'|·ε·(|x| + h)/2h (x ± h rounds, so the true step is not exactly 2h).
 */
function centralDifferenceTolerance(
  df: (x: number) => number,
  roundingUnits: number,
  x: number,
): Tolerance {
  const truncation = ((H * H) / 6) * thirdDerivativeBound(df, x);
  const rounding = (roundingUnits * EPS) / H;
  const step = (Math.abs(df(x)) * EPS * (Math.abs(x) + H)) / (2 * H);
  return { abs: truncation + rounding + step, rel: ORACLE_REL };
}

// the book's function_1 at 5 and 10, and its two partial-derivative examples of 4.4
const BOOK_EXAMPLES: [string, (x: number) => number, number, number][] = [
  ['function_1', (x) => 0.01 * x ** 2 + 0.1 * x, 5, 0.1999999999990898],
  ['function_1', (x) => 0.01 * x ** 2 + 0.1 * x, 10, 0.2999999999986347],
  ['function_tmp1', (x0) => x0 * x0 + 4.0 ** 2.0, 3, 6.00000000000378],
  ['function_tmp2', (x1) => 3.0 ** 2.0 + x1 * x1, 4, 7.999999999999119],
];

law(
  'book',
  {
    name: 'numericalDiff reproduces the book: 0.1999999999990898 at x = 5 and 0.2999999999986347 at x = 10',
    points: 1,
    hint: 'Use the central difference (f(x + h) − f(x − h)) / (2·h) with h = 1e-4, exactly as the book writes numerical_diff (book 4.3.1).',
    covers: ['(f(x + h) − f(x − h)) / 2h', 'the result is a number'],
  },
  () => {
    for (const [name, f, x, printed] of BOOK_EXAMPLES) {
      expectClose(diff(f, x), printed, bookTolerance(f, x), `numericalDiff(${name}, ${x})`);
    }
  },
);

law(
  'affine',
  {
    name: 'equals the slope a for every affine f(x) = a·x + b, and 0 for a constant',
    points: 1,
    hint: 'For a straight line any difference quotient is exact, if the step is large enough to change x and you divide by the distance between your two points.',
    covers: ['(f(x + h) − f(x − h)) / 2h', 'f takes a number and returns a number'],
  },
  () => {
    // |a|, |b|, |x| ≤ 10: slopes of both signs and zero, far from overflow
    forAll(
      [realArb(-10, 10), realArb(-10, 10), realArb(-10, 10)],
      (a, b, x) => {
        expectClose(
          diff((t) => a * t + b, x),
          a,
          LINEAR,
          `numericalDiff(x ↦ ${a}·x + ${b}, ${x})`,
        );
        expectClose(
          diff(() => b, x),
          0,
          LINEAR,
          `numericalDiff(x ↦ ${b}, ${x})`,
        );
      },
      (a, b, x) => `f(x) = ${a}·x + ${b} at x = ${x}`,
    );
  },
);

law(
  'cube',
  {
    name: 'on f(x) = x³ it errs by exactly h² = 1e-8, as a central difference must, not by about 3x·h',
    points: 2,
    hint: 'A central difference cancels the h·f″ term, so its error is h²·f‴/6; on x³ that is exactly h². Check both the formula and h = 1e-4 (book 4.3.1).',
    covers: ['(f(x + h) − f(x − h)) / 2h  h = 1e-4'],
  },
  () => {
    // 0.5 ≤ |x| ≤ 2: away from 0, where a one-sided error 3x·h + h² would shrink to h² as well
    const xArb = fc
      .tuple(realArb(0.5, 2), fc.boolean())
      .map(([m, negative]) => (negative ? -m : m));
    forAll(
      [xArb],
      (x) => {
        const error = diff((t) => t * t * t, x) - 3 * x * x;
        expectClose(error, H * H, CUBE, `the error numericalDiff(x ↦ x³, ${x}) − 3x²`);
      },
      (x) => `f(x) = x³ at x = ${x}, where f'(x) = 3x² = ${formatNumber(3 * x * x)}`,
    );
  },
);

law(
  'calls',
  {
    name: 'calls f exactly twice, at x + h and at x − h',
    points: 1,
    hint: 'Evaluate f exactly twice: once at x + h and once at x − h, with h = 1e-4. Do not evaluate f(x) itself.',
    covers: ['f is called exactly twice: once at x + h and once at x − h'],
  },
  () => {
    // |x| ≤ 10: both signs, and h = 1e-4 stays well above the spacing ε·|x| of doubles there
    forAll(
      [realArb(-10, 10)],
      (x) => {
        const seen: number[] = [];
        diff((t) => (seen.push(t), t * t), x);
        if (seen.length !== 2) {
          fail(
            `f was called ${seen.length} times (at ${seen.map(formatNumber).join(', ')}); expected twice`,
          );
        }
        const [low, high] = [...seen].sort((p, q) => p - q);
        expectClose(low, x - H, ARGUMENT, `the lower point f was called at`);
        expectClose(high, x + H, ARGUMENT, `the upper point f was called at`);
      },
      (x) => `x = ${x}`,
    );
  },
);

law(
  'symbolic',
  {
    name: 'agrees with the symbolic derivative from mathjs within the central-difference error bound',
    points: 2,
    hint: 'The error of a central difference with h = 1e-4 is about 1e-9 for these smooth functions; a larger one means a one-sided difference, a wrong h or a wrong denominator.',
    covers: ['(f(x + h) − f(x − h)) / 2h', 'x is a number'],
  },
  () => {
    forAll(
      [univariateExprArb, realArb(-X_RANGE, X_RANGE)],
      (g, x) => {
        const tol = centralDifferenceTolerance(g.df, g.roundingUnits, x);
        expectClose(diff(g.f, x), g.df(x), tol, `numericalDiff(x ↦ ${g.text}, ${x})`);
      },
      (g, x) => `f(x) = ${g.text} at x = ${x}, where mathjs gives f'(x) = ${formatNumber(g.df(x))}`,
    );
  },
);
