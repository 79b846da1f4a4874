// Laws of the numerical gradient of book 4.4, each beside the book's worked example.
import fc from 'fast-check';
import { array, copy, NDArray } from '../src/index.ts';
import { anyShapeArb, ndarrayArb, realArb } from './support/arbitraries.ts';
import { asArray, expectClose, expectIdentical, type Tolerance } from './support/close.ts';
import { format, formatNumber } from './support/format.ts';
import { exercise, forAll } from '../grader/harness.ts';
import { fail } from '../grader/law-error.ts';
import { centralTolerance, simpleNet, spyOn, wrongCall } from './support/gradient.ts';
import { multivariateExprArb, X_RANGE } from './support/symbolic.ts';
import { suspects } from './diagnoses/03_numerical_gradient.ts';

// the code under test loads last, after the spec's own modules have captured pristine built-ins
const {
  law,
  impl: { numericalGradient },
} = await exercise(
  {
    id: '03_numerical_gradient',
    title: 'The numerical gradient',
    book: '4.4',
    exports: ['numericalGradient'],
    ownWork: ['numericalGradient'],
  },
  () => import('@impl/03_numerical_gradient'),
  suspects,
);

const H = 1e-4; // the book's step

// f ≤ 48 at the book's points rounds within 2ε·48, so each quotient within 2ε·48/h ≈ 2e-10;
// x ± h rounds within ½ulp(4), shifting the step by ≤ 5e-12 relative of a slope ≤ 24. 1e-9
// covers both; a point left shifted by h moves a slope by ≥ 8h = 8e-4, a forward difference by h.
const BOOK: Tolerance = { abs: 1e-9, rel: 0 };
// x[i] ± h, written back as x[i] = tmp ± h or as two updates, is off by ≤ 2 roundings of
// ½ulp(10 + h) ≈ 8.9e-16 for |x| ≤ 10.
const STEP = 2e-15;
// f = Σ (k+1)·x_k over ≤ 64 terms of size ≤ 64: each sum is off by ≤ 64·ε·2080 ≈ 3e-11, the
// quotient by ≤ 2·3e-11 / 2h = 3e-7; the slopes of two positions differ by ≥ 1.
const SHAPED: Tolerance = { abs: 1e-6, rel: 0 };
// softmax loss of z = x·W, |x|, |W| ≤ 1: |∂³L/∂w³| ≤ |x|³·max |p(1−p)(1−2p)| ≤ 0.1, so h²/6
// truncation ≤ 2e-10; L ≤ log 3 + 2 rounds within ~20ε·L, the quotient within 2e-10 + slack.
const NET: Tolerance = { abs: 1e-9, rel: 0 };

/** The student's gradient, which must come back in x's shape. */
const gradient = (f: (x: NDArray) => number, x: NDArray): NDArray =>
  asArray(numericalGradient(f, x), x.shape, 'numericalGradient(f, x)');
const xArb = (min: number, max: number) =>
  anyShapeArb.chain((shape) => ndarrayArb(shape, min, max));

const function2 = (x: NDArray) => x.data[0] ** 2 + x.data[1] ** 2;

law(
  'book',
  {
    name: 'gives the book gradients (6, 8), (0, 4) and (6, 0) of x0² + x1² at (3, 4), (0, 2) and (3, 0)',
    points: 1,
    hint: 'Apply the central difference of 02 to one element at a time: x[i] ± h with h = 1e-4, the others unchanged (book 4.4).',
    covers: ['(f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h', 'a point (2)'],
  },
  () => {
    const examples = [
      { at: [3, 4], slope: [6, 8] },
      { at: [0, 2], slope: [0, 4] },
      { at: [3, 0], slope: [6, 0] },
    ];
    for (const { at, slope } of examples) {
      const g = gradient(function2, array(at));
      expectClose(g, slope, BOOK, `numericalGradient(function_2, [${at}])`);
    }
  },
);

law(
  'non_separable',
  {
    name: 'x0·x1² at (3, 4) has gradient [16, 24], which needs x put back after each coordinate',
    points: 1,
    hint: 'After the two calls of f for element i, write its saved value back (as the book does with x[idx] = tmp_val), or the next partial derivative is taken at a shifted point.',
    covers: ['then x.data[i] = saved'],
  },
  () => {
    const g = gradient((v) => v.data[0] * v.data[1] ** 2, array([3, 4]));
    expectClose(g, [16, 24], BOOK, 'numericalGradient(x ↦ x0·x1², [3, 4])');
  },
);

law(
  'symbolic',
  {
    name: 'agrees with the symbolic gradient from mathjs of generated functions of up to four variables',
    points: 2,
    hint: 'Each partial derivative should be as accurate as numericalDiff: central difference, h = 1e-4, divided by 2h.',
    covers: [
      'every partial derivative of f, each by a central difference',
      '(f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h  h = 1e-4, one element i at a time',
      'element i holding ∂f/∂xᵢ for the flat index i',
    ],
  },
  () => {
    // the same n values as a 0-d array (n = 1), a vector (n) or with more axes around it
    const caseArb = multivariateExprArb.chain((g) =>
      fc.record({
        g: fc.constant(g),
        shape: fc.constantFrom<number[]>(
          [g.n],
          [1, g.n],
          [g.n, 1],
          [1, g.n, 1],
          ...(g.n === 1 ? [[]] : []),
          ...(g.n === 4 ? [[2, 2]] : []),
        ),
        values: fc.array(realArb(-X_RANGE, X_RANGE), { minLength: g.n, maxLength: g.n }),
      }),
    );
    forAll(
      [caseArb],
      ({ g, shape, values }) => {
        const x = new NDArray(Float64Array.from(values), shape);
        const expected = g.partials.map((d) => d(values));
        const actual = gradient((v) => g.f(v.data), x);
        const tol = centralTolerance(g.partials, g.roundingUnits, values);
        expectClose(actual, new NDArray(Float64Array.from(expected), shape), tol, 'the gradient');
      },
      ({ g, shape, values }) =>
        `f = ${g.text} at x = ${format(new NDArray(Float64Array.from(values), shape))}; ` +
        `mathjs gives ${g.partials.map((d, i) => `∂f/∂x${i} = ${formatNumber(d(values))}`).join(', ')}`,
    );
  },
);

law(
  'one_at_a_time',
  {
    name: 'calls f exactly 2·size times, each time with exactly one element of x moved, once by +h and once by −h',
    points: 2,
    hint: 'For each element: save tmp = x[i], set x[i] = tmp + h, call f, set x[i] = tmp − h, call f, then x[i] = tmp. Nothing else moves, and f is called for nothing else.',
    covers: [
      'f is called 2·x.size times, each time with exactly one element moved',
      'x.data[i] = saved + h, call f; x.data[i] = saved − h, call f',
    ],
  },
  () => {
    // |x| ≤ 10: both signs, and h = 1e-4 stays far above the spacing of doubles there
    forAll(
      [xArb(-10, 10)],
      (x) => {
        const spy = spyOn(x, (v) => v.reduce((s, t) => s + t * t, 0));
        gradient(spy.f, x);
        const wrong = wrongCall(spy, H, STEP);
        if (wrong) fail(wrong);
      },
      (x) => `x = ${format(x)}`,
    );
  },
);

law(
  'restores',
  {
    name: 'leaves every element of x bit for bit as it was',
    points: 1,
    hint: 'Write the saved value back (x[i] = tmp): moving it by +h, −2h and +h again can land an ulp away in floating point.',
    covers: ['On return x holds exactly its original values, bit for bit.'],
  },
  () => {
    // |x| ≤ 10 on a grid of 1e-3: at most of these, x + h − 2h + h is not x again
    forAll(
      [xArb(-10, 10)],
      (x) => {
        const before = x.data.slice();
        gradient((v) => v.data.reduce((s, t) => s + t * t, 0), x);
        expectIdentical(x, before, 'x');
      },
      (x) => `x = ${format(x)}`,
    );
  },
);

law(
  'closure',
  {
    name: 'works when f ignores its argument and reads W through a closure, as in lambda W: net.loss(x, t)',
    points: 2,
    hint: 'Move the elements of x itself, not of a copy: in the book lambda W: net.loss(x, t), f reads the weights through the network and never looks at its argument (book 4.4.2).',
    covers: [
      'Element i is moved in x itself',
      'So f may ignore its argument and read x through a closure',
    ],
  },
  () => {
    // |x|, |W| ≤ 1: scores z = x·W stay in [−2, 2], where softmax is well-conditioned
    const netArb = fc.record({
      W: ndarrayArb([2, 3], -1, 1),
      x: ndarrayArb([1, 2], -1, 1),
      t: fc.integer({ min: 0, max: 2 }),
    });
    forAll(
      [netArb],
      ({ W, x, t }) => {
        const { net, dW } = simpleNet(W, x, t);
        const actual = gradient(() => net.loss(), net.W);
        expectClose(actual, dW, NET, 'numericalGradient(W => net.loss(x, t), net.W)');
      },
      ({ W, x, t }) => `W = ${format(W)}, x = ${format(x)}, t = ${t}`,
    );
  },
);

law(
  'shape',
  {
    name: 'returns a new array in the shape of x: 0-d, a vector, a weight matrix or more axes',
    points: 1,
    hint: 'Build the gradient with zerosLike(x), so it is a new array of the shape of x, and fill grad.data[i] for the same flat index i you moved in x.data.',
    covers: [
      'x has any shape: a 0-d array, a point (2), a weight matrix (2, 3) or more axes',
      "The result is a new array of x's shape",
    ],
  },
  () => {
    // |x| ≤ 1 and ≤ 64 elements keep f = Σ (k+1)·x_k ≤ 2080, so its rounding stays tiny
    forAll(
      [xArb(-1, 1)],
      (x) => {
        const f = (v: NDArray) => v.data.reduce((s, t, k) => s + (k + 1) * t, 0);
        const g = gradient(f, x);
        if (g === x || g.data.buffer === x.data.buffer) {
          fail('the result shares its data with x; the gradient should be a new array');
        }
        const slopes = new NDArray(
          x.data.map((_, k) => k + 1),
          x.shape,
        );
        expectClose(g, slopes, SHAPED, 'the gradient of Σ (k+1)·x_k, element by element');
        // new means its own: a later call, on another f and x of this shape, leaves it as it was
        const kept = g.data.slice();
        gradient((v) => -f(v), copy(x));
        expectIdentical(g, kept, 'your first gradient, after a second call');
      },
      (x) =>
        `x of shape (${x.shape.join(', ')}) = ${format(x)}; f = Σ (k+1)·x_k over the flat index k`,
    );
  },
);
