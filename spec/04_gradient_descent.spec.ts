// Laws of gradient descent (book 4.4.1), each beside the book's three runs from (−3, 4).
import fc from 'fast-check';
import { add, array, copy, NDArray } from '../src/index.ts';
import { ndarrayArb, realArb } from './support/arbitraries.ts';
import { asArray, expectClose, expectIdentical, type Tolerance } from './support/close.ts';
import { format, formatNumber } from './support/format.ts';
import { exercise, forAll } from '../grader/harness.ts';
import { fail } from '../grader/law-error.ts';
import {
  anyXArb,
  aroundOneOverAArb,
  bowlRunArb,
  coupledRunArb,
  shrinkingRunArb,
} from './support/descent.ts';
import { bowl, coupledBowl, expectOnBowl, wrongCalls, spyBowl } from './support/descent.ts';
import { suspects } from './diagnoses/04_gradient_descent.ts';

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
  suspects,
);

// The book prints 9 significant digits: ½ unit in the last one is ≤ 5e-9 relative.
const BOOK_PRINT: Tolerance = { abs: 0, rel: 1e-8 };
// f's own evaluation (≤ 4 squares, a sum and a product per term) rounds within ~16ε·f; a
// step uphill on these domains raises f by far more.
const MONOTONE_REL = 1e-14;

/** The student's run from a copy of x0, so x0 stays as generated for the oracle. */
const descend = (f: (x: NDArray) => number, x0: NDArray, ...rest: number[]) =>
  asArray(gradientDescent(f, copy(x0), ...rest), x0.shape, 'gradientDescent(f, initX, ...)');
const function2 = (v: NDArray) => v.data[0] ** 2 + v.data[1] ** 2;
/** The book's run of function_2 from (−3, 4): 100 steps of lr, against the x it prints. */
const bookRun = (lr: number, printed: number[]) => () => {
  const x = descend(function2, array([-3, 4]), lr, 100);
  expectClose(x, printed, BOOK_PRINT, `gradientDescent(function_2, [−3, 4], ${lr}, 100)`);
};

law(
  'converges',
  {
    name: 'lr = 0.1 from (−3, 4) for 100 steps reaches the book value (−6.11110793e-10, 8.14814391e-10)',
    points: 1,
    hint: 'Each step is x ← x − lr·grad with grad = numericalGradient(f, x), repeated stepNum times (book 4.4.1).',
    covers: ['x ← x − lr · ∇f(x)', 'Step downhill from initX, stepNum times'],
  },
  bookRun(0.1, [-6.11110793e-10, 8.14814391e-10]),
);

law(
  'creeps',
  {
    name: 'lr = 1e-10 from (−3, 4) barely moves: the book value (−2.99999994, 3.99999992)',
    points: 1,
    hint: 'Use the lr you are given: with lr = 1e-10, 100 steps move x by only about 2e-8 of itself.',
    covers: ['lr: the learning rate'],
  },
  bookRun(1e-10, [-2.99999994, 3.99999992]),
);

// with lr = 10 each step maps x to −19·x until |x| passes about 2⁴⁰; then x ± 1e-4 rounds back
// to x, the numerical gradient is exactly 0 and x stays put: the book's numbers record that
law(
  'freezes',
  {
    name: 'lr = 10 diverges and then freezes at the book value (−2.58983747e13, −1.29524862e12), where x ± h == x',
    points: 2,
    hint: 'Take the gradient with src numericalGradient, as gradient_method.py uses common/: once |x| passes about 2⁴⁰, x ± 1e-4 rounds to x, the gradient is 0 and x freezes.',
    covers: [
      "with src's numericalGradient",
      'its rounding is part of the result (with lr = 10, x freezes once x ± h == x)',
    ],
  },
  bookRun(10, [-2.58983747e13, -1.29524862e12]),
);

law(
  'closed_form',
  {
    name: 'on f(x) = a·Σx² every step scales x by 1 − 2a·lr, so n steps give (1 − 2a·lr)ⁿ·x0',
    points: 3,
    hint: 'On a·Σx² the gradient is 2a·x, so one step maps x to (1 − 2a·lr)·x. Check the sign of the update, the lr you use and the number of steps.',
    covers: ['x ← x − lr · ∇f(x)', 'initX has any shape, e.g. (2), (2, 3) or a 0-d array'],
  },
  () => {
    forAll(
      [bowlRunArb],
      ({ a, lr, n, x0 }) =>
        expectOnBowl(
          descend(bowl(a), x0, lr, n),
          a,
          lr,
          x0,
          n,
          `x after ${n} step${n === 1 ? '' : 's'}`,
        ),
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
    covers: ['x ← x − lr · ∇f(x)'],
  },
  () => {
    forAll(
      [aroundOneOverAArb],
      ({ a, u, n, x0 }) => {
        const size = (v: NDArray) => Math.max(...v.data.map(Math.abs));
        const [before, after] = [size(x0), size(descend(bowl(a), x0, u / a, n))];
        const want = u < 1 ? 'lr < 1/a it should shrink' : 'lr > 1/a it should grow';
        if (u < 1 ? !(after < before) : !(after > before)) {
          fail(`max |x| went from ${before} to ${formatNumber(after)}; with ${want}`);
        }
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
    covers: ['Step downhill'],
  },
  () => {
    forAll(
      [coupledRunArb],
      ({ a, c, u, n, x0 }) => {
        const { f, curvature } = coupledBowl(a, c);
        const lr = u / curvature;
        let previous = f(x0);
        for (let k = 1; k <= n; k++) {
          const value = f(descend(f, x0, lr, k));
          if (value > previous * (1 + MONOTONE_REL)) {
            fail(
              `f went up from ${formatNumber(previous)} at step ${k - 1} to ${formatNumber(value)} at step ${k}`,
            );
          }
          previous = value;
        }
      },
      ({ a, c, u, n, x0 }) =>
        `f(x) = Σ aᵢxᵢ² + ${c}·(Σxᵢ)² with a = [${a.join(', ')}], lr = ${formatNumber(u / coupledBowl(a, c).curvature)}, ` +
        `${n} steps from ${format(x0)}`,
    );
  },
);

law(
  'pure',
  {
    name: 'leaves initX unchanged and returns a new array',
    points: 1,
    hint: 'The book x = init_x makes x the same array as init_x, so x -= ... changes it. Start from copy(initX).',
    covers: ['initX itself is left unchanged.', 'the result is a new array of its shape'],
  },
  () => {
    forAll(
      [anyXArb, fc.integer({ min: 0, max: 5 })],
      (x0, steps) => {
        const before = x0.data.slice();
        const x = asArray(gradientDescent(bowl(1), x0, 0.1, steps), x0.shape, 'the result');
        expectIdentical(x0, before, 'initX');
        if (x === x0 || x.data.buffer === x0.data.buffer) {
          fail('the result shares its data with initX; it should be a new array');
        }
        // new means its own: a later descent, from another start, leaves it as it was
        const kept = x.data.slice();
        gradientDescent(bowl(1), add(x0, 1), 0.1, steps);
        expectIdentical(x, kept, 'your first result, after a second call');
      },
      (x0, steps) => `initX = ${format(x0)}, lr = 0.1, ${steps} steps on f(x) = Σx²`,
    );
  },
);

law(
  'steps',
  {
    name: 'makes exactly stepNum steps, each calling f at the current x ± h·eᵢ, twice per element',
    points: 1,
    hint: 'Loop exactly stepNum times; each step takes numericalGradient(f, x) at the x of that step (not at initX) and updates x once. Do not stop early, and call f nowhere else.',
    covers: [
      'Step downhill from initX, stepNum times',
      'Each step takes ∇f at the current x',
      'A step calls f 2·x.size times, through it.',
      'stepNum = 0 gives a copy of initX',
    ],
  },
  () => {
    forAll(
      [shrinkingRunArb],
      ({ a, u, n, x0 }) => {
        const [lr, spy] = [u / a, spyBowl(a)];
        const x = descend(spy.f, x0, lr, n);
        const wrong = wrongCalls(spy.calls, a, lr, x0, n);
        if (wrong) fail(wrong);
        if (n === 0) expectIdentical(x, x0.data, 'the result of 0 steps, compared with initX,');
      },
      ({ a, u, n, x0 }) =>
        `f(x) = ${a}·Σx², lr = ${formatNumber(u / a)}, stepNum = ${n}, initX = ${format(x0)}`,
    );
  },
);

law(
  'defaults',
  {
    name: 'defaults to lr = 0.01 and stepNum = 100',
    points: 1,
    hint: 'Give the parameters the book defaults: lr = 0.01, stepNum = 100.',
    covers: ['lr defaults to 0.01 and stepNum to 100.'],
  },
  () => {
    forAll(
      // a ∈ [0.1, 3] as closed_form's; 1 to 3 elements keep 100 steps quick
      [realArb(0.1, 3), fc.integer({ min: 1, max: 3 }).chain((n) => ndarrayArb([n], -10, 10))],
      (a, x0) => {
        const [f, what] = [bowl(a), 'gradientDescent(f, initX)'];
        expectOnBowl(descend(f, x0), a, 0.01, x0, 100, `${what} with the defaults`);
        expectOnBowl(descend(f, x0, 0.05), a, 0.05, x0, 100, `${what.slice(0, -1)}, 0.05)`);
      },
      (a, x0) => `f(x) = ${a}·Σx², initX = ${format(x0)}`,
    );
  },
);
