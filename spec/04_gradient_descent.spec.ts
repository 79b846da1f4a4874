// Laws of gradient descent (book 4.4.1), each beside the book's three runs from (−3, 4).
import fc from 'fast-check';
import { array, NDArray } from '../src/index.ts';
import { ndarrayArb, realArb, shapeArb } from './support/arbitraries.ts';
import { asArray, expectClose, expectIdentical, type Tolerance } from './support/close.ts';
import { format, formatNumber } from './support/format.ts';
import { exercise, forAll } from '../grader/harness.ts';
import { fail } from '../grader/law-error.ts';

// the code under test loads last, after the spec's own modules have captured pristine built-ins
const {
  law,
  impl: { gradientDescent },
} = await exercise(
  {
    id: '04_gradient_descent',
    title: 'Gradient descent',
    book: '4.4.1',
    exports: ['gradientDescent'],
  },
  () => import('@impl/04_gradient_descent'),
);

const H = 1e-4; // the step of src's numericalGradient
const EPS = Number.EPSILON;

// The book prints 9 significant digits: ½ unit in the last one is ≤ 5e-9 relative.
const BOOK_PRINT: Tolerance = { abs: 0, rel: 1e-8 };
// f's own evaluation (≤ 4 squares, a sum and a product per term) rounds within ~16ε·f; a
// step uphill on these domains raises f by far more.
const MONOTONE_REL = 1e-14;

const descend = (f: (x: NDArray) => number, x0: NDArray, ...rest: number[]) =>
  asArray(gradientDescent(f, x0, ...rest), x0.shape, 'gradientDescent(f, initX, ...)');

/** f(x) = a·Σxᵢ², whose gradient is 2a·x, so one step maps x to (1 − 2a·lr)·x. */
const bowl = (a: number) => (v: NDArray) => a * v.data.reduce((s, t) => s + t * t, 0);
const function2 = (v: NDArray) => v.data[0] ** 2 + v.data[1] ** 2;

/**
 * A first-order bound on |x_n − (1 − 2a·lr)ⁿ·x0| on the bowl: each step's numerical gradient
 * is off by 2(size + 1)·ε·f(x ± h)/h (rounding of f) + |g|·ε·(|x| + h)/2h (x ± h rounds), the
 * update rounds by ε·(|x| + lr·|g|), and every earlier error is scaled by r = 1 − 2a·lr; the
 * oracle's rⁿ is off by n·|r|ⁿ⁻¹·5ε (r itself rounds within 5ε) plus 2ε relative.
 */
function trajectoryTolerance(a: number, lr: number, x0: NDArray, n: number): Tolerance {
  const r = Math.abs(1 - 2 * a * lr);
  let m = Math.max(...x0.data.map(Math.abs)); // largest |x_k|
  let bound = 0;
  for (let k = 0; k < n; k++) {
    const g = 2 * a * m;
    const f = a * (x0.size * m * m + 2 * H * m + H * H);
    const dg = (2 * (x0.size + 1) * EPS * f) / H + (g * EPS * (m + H)) / (2 * H);
    bound = r * bound + lr * dg + EPS * (m + lr * g);
    m *= r;
  }
  const m0 = Math.max(...x0.data.map(Math.abs));
  const oracle = n * r ** Math.max(n - 1, 0) * 5 * EPS * m0 + 2 * EPS * m;
  return { abs: bound + oracle, rel: 0 };
}

/** The bowl's closed form (1 − 2a·lr)ⁿ·x0. */
const closedForm = (a: number, lr: number, x0: NDArray, n: number) =>
  new NDArray(
    x0.data.map((v) => (1 - 2 * a * lr) ** n * v),
    x0.shape,
  );

law(
  'converges',
  {
    name: 'lr = 0.1 from (−3, 4) for 100 steps reaches the book value (−6.11110793e-10, 8.14814391e-10)',
    points: 1,
    hint: 'Each step is x ← x − lr·grad with grad = numericalGradient(f, x), repeated stepNum times (book 4.4.1).',
  },
  () => {
    const x = descend(function2, array([-3, 4]), 0.1, 100);
    expectClose(
      x,
      [-6.11110793e-10, 8.14814391e-10],
      BOOK_PRINT,
      'gradientDescent(function_2, [−3, 4], 0.1, 100)',
    );
  },
);

law(
  'creeps',
  {
    name: 'lr = 1e-10 from (−3, 4) barely moves: the book value (−2.99999994, 3.99999992)',
    points: 1,
    hint: 'Use the lr you are given: with lr = 1e-10, 100 steps move x by only about 2e-8 of itself.',
  },
  () => {
    const x = descend(function2, array([-3, 4]), 1e-10, 100);
    expectClose(
      x,
      [-2.99999994, 3.99999992],
      BOOK_PRINT,
      'gradientDescent(function_2, [−3, 4], 1e-10, 100)',
    );
  },
);

law(
  'freezes',
  {
    name: 'lr = 10 diverges and then freezes at the book value (−2.58983747e13, −1.29524862e12), where x ± h == x',
    points: 2,
    hint: 'Take the gradient with src numericalGradient, as gradient_method.py uses common/: once |x| passes about 2⁴⁰, x ± 1e-4 rounds to x, the gradient is 0 and x freezes.',
  },
  () => {
    // each step maps x to −19·x until |x| passes about 2⁴⁰; then x ± 1e-4 rounds back to x,
    // the numerical gradient is exactly 0 and x stays put: the book's numbers record that
    const x = descend(function2, array([-3, 4]), 10, 100);
    expectClose(
      x,
      [-2.58983747e13, -1.29524862e12],
      BOOK_PRINT,
      'gradientDescent(function_2, [−3, 4], 10, 100)',
    );
  },
);

// a ∈ [0.1, 3]: curvatures of either size; 0.001 ≤ lr ≤ 1.5/a: from creeping to diverging
const bowlRunArb = realArb(0.1, 3).chain((a) =>
  realArb(0.001, 1.5 / a).chain((lr) => {
    const r = Math.abs(1 - 2 * a * lr);
    // a diverging run stops at growth 1e3, so |x| ≤ 1e4 and x ± h keeps 1e-12 of its precision
    const maxSteps =
      r > 1 ? Math.max(1, Math.min(50, Math.floor(Math.log(1e3) / Math.log(r)))) : 50;
    return fc.record({
      a: fc.constant(a),
      lr: fc.constant(lr),
      n: fc.integer({ min: 1, max: maxSteps }),
      x0: fc.integer({ min: 1, max: 4 }).chain((size) => ndarrayArb([size], -10, 10)),
    });
  }),
);

law(
  'closed_form',
  {
    name: 'on f(x) = a·Σx² every step scales x by 1 − 2a·lr, so n steps give (1 − 2a·lr)ⁿ·x0',
    points: 3,
    hint: 'On a·Σx² the gradient is 2a·x, so one step maps x to (1 − 2a·lr)·x. Check the sign of the update, the lr you use and the number of steps.',
  },
  () => {
    forAll(
      [bowlRunArb],
      ({ a, lr, n, x0 }) => {
        const x = descend(bowl(a), x0, lr, n);
        expectClose(
          x,
          closedForm(a, lr, x0, n),
          trajectoryTolerance(a, lr, x0, n),
          `x after ${n} steps`,
        );
      },
      ({ a, lr, n, x0 }) =>
        `f(x) = ${a}·Σx², lr = ${formatNumber(lr)}, ${n} steps from ${format(x0)}; ` +
        `each step should scale x by 1 − 2a·lr = ${formatNumber(1 - 2 * a * lr)}`,
    );
  },
);

law(
  'stability',
  {
    name: 'x shrinks toward the minimum when 0 < lr < 1/a and grows away from it when lr > 1/a',
    points: 1,
    hint: 'Descent subtracts lr·grad. Do not clip or normalise the step: a too-large lr must be allowed to diverge, as the book shows with lr = 10.',
  },
  () => {
    // lr·a in [0.05, 0.95] or [1.05, 1.5]: clear of the boundary lr = 1/a, where |1 − 2a·lr| = 1
    const runArb = fc.record({
      a: realArb(0.1, 3),
      u: fc.oneof(realArb(0.05, 0.95), realArb(1.05, 1.5)),
      n: fc.integer({ min: 1, max: 20 }),
      // 1 ≤ |x0ᵢ| ≤ 10: away from the minimum, so shrinking and growing are both visible
      x0: fc
        .array(fc.tuple(realArb(1, 10), fc.boolean()), { minLength: 1, maxLength: 4 })
        .map((xs) => array(xs.map(([m, negative]) => (negative ? -m : m)))),
    });
    forAll(
      [runArb],
      ({ a, u, n, x0 }) => {
        const size = (v: NDArray) => Math.max(...v.data.map(Math.abs));
        const [before, after] = [size(x0), size(descend(bowl(a), x0, u / a, n))];
        if (u < 1 && !(after < before))
          fail(
            `max |x| went from ${before} to ${formatNumber(after)}; with lr < 1/a it should shrink`,
          );
        if (u > 1 && !(after > before))
          fail(
            `max |x| went from ${before} to ${formatNumber(after)}; with lr > 1/a it should grow`,
          );
      },
      ({ a, u, n, x0 }) =>
        `f(x) = ${a}·Σx², lr = ${formatNumber(u / a)} (1/a = ${formatNumber(1 / a)}), ${n} steps from ${format(x0)}`,
    );
  },
);

law(
  'monotone',
  {
    name: 'f never increases from one step to the next for a small lr on a convex quadratic',
    points: 1,
    hint: 'Go against the gradient, x − lr·grad: the gradient points uphill (book 4.4.1).',
  },
  () => {
    // f(x) = Σ aᵢxᵢ² + c·(Σxᵢ)² couples the coordinates; its curvature is at most L = 2·max a + 2c·size
    const caseArb = fc.integer({ min: 1, max: 4 }).chain((size) =>
      fc.record({
        a: fc.array(realArb(0.1, 3), { minLength: size, maxLength: size }),
        c: realArb(0, 1),
        u: realArb(0.01, 0.5), // lr = u/L ≤ 1/2L: well inside descent's safe range lr < 2/L
        n: fc.integer({ min: 1, max: 12 }),
        x0: ndarrayArb([size], -10, 10),
      }),
    );
    forAll(
      [caseArb],
      ({ a, c, u, n, x0 }) => {
        const f = (v: NDArray) => {
          const total = v.data.reduce((s, t) => s + t, 0);
          return v.data.reduce((s, t, i) => s + a[i] * t * t, 0) + c * total * total;
        };
        const lr = u / (2 * Math.max(...a) + 2 * c * x0.size);
        let previous = f(x0);
        for (let k = 1; k <= n; k++) {
          const value = f(descend(f, x0, lr, k));
          if (value > previous * (1 + MONOTONE_REL)) {
            fail(
              `f went up from ${formatNumber(previous)} after ${k - 1} steps to ${formatNumber(value)} after ${k}`,
            );
          }
          previous = value;
        }
      },
      ({ a, c, u, n, x0 }) =>
        `f(x) = Σ aᵢxᵢ² + ${c}·(Σxᵢ)² with a = [${a.join(', ')}], lr = ${formatNumber(u / (2 * Math.max(...a) + 2 * c * x0.size))}, ` +
        `${n} steps from ${format(x0)}`,
    );
  },
);

law(
  'pure',
  {
    name: 'leaves initX unchanged',
    points: 1,
    hint: 'The book x = init_x makes x the same array as init_x, so x -= ... changes it. Start from copy(initX).',
  },
  () => {
    forAll(
      [shapeArb.chain((shape) => ndarrayArb(shape, -10, 10)), fc.integer({ min: 1, max: 5 })],
      (x0, steps) => {
        const before = x0.data.slice();
        descend(bowl(1), x0, 0.1, steps);
        expectIdentical(x0, before, 'initX');
      },
      (x0, steps) => `initX = ${format(x0)}, lr = 0.1, ${steps} steps on f(x) = Σx²`,
    );
  },
);

law(
  'steps',
  {
    name: 'makes exactly stepNum updates, each calling f 2·size times through the numerical gradient',
    points: 1,
    hint: 'Loop exactly stepNum times, one numericalGradient and one update per step, and never stop early.',
  },
  () => {
    forAll(
      [
        fc.integer({ min: 1, max: 4 }).chain((size) => ndarrayArb([size], -10, 10)),
        fc.integer({ min: 0, max: 10 }),
      ],
      (x0, steps) => {
        let calls = 0;
        const f = (v: NDArray) => (calls++, bowl(1)(v));
        const x = descend(f, x0, 0.01, steps);
        if (calls !== 2 * x0.size * steps) {
          fail(
            `f was called ${calls} times; ${steps} steps on x of size ${x0.size} call it 2·${x0.size}·${steps} = ${2 * x0.size * steps} times`,
          );
        }
        if (steps === 0) expectIdentical(x, x0.data, 'the result of 0 steps, compared with initX,');
      },
      (x0, steps) => `initX = ${format(x0)}, stepNum = ${steps}`,
    );
  },
);

law(
  'defaults',
  {
    name: 'defaults to lr = 0.01 and stepNum = 100',
    points: 1,
    hint: 'Give the parameters the book defaults: lr = 0.01, stepNum = 100.',
  },
  () => {
    forAll(
      [
        realArb(0.1, 3),
        fc.integer({ min: 1, max: 3 }).chain((size) => ndarrayArb([size], -10, 10)),
      ],
      (a, x0) => {
        const tol = trajectoryTolerance(a, 0.01, x0, 100);
        expectClose(
          descend(bowl(a), x0),
          closedForm(a, 0.01, x0, 100),
          tol,
          'gradientDescent(f, initX) with the defaults',
        );
        const lr = 0.05;
        expectClose(
          descend(bowl(a), x0, lr),
          closedForm(a, lr, x0, 100),
          trajectoryTolerance(a, lr, x0, 100),
          'gradientDescent(f, initX, 0.05)',
        );
      },
      (a, x0) => `f(x) = ${a}·Σx², initX = ${format(x0)}`,
    );
  },
);
