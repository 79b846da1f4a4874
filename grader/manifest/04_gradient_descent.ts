import type { ExerciseEntry } from './types.ts';

const CONVERGES =
  'lr = 0.1 from (−3, 4) for 100 steps reaches the book value (−6.11110793e-10, 8.14814391e-10)';
const CREEPS = 'lr = 1e-10 from (−3, 4) barely moves: the book value (−2.99999994, 3.99999992)';
const FREEZES =
  'lr = 10 diverges and then freezes at the book value (−2.58983747e13, −1.29524862e12), where x ± h == x';
const CLOSED_FORM =
  'on f(x) = a·Σx² every step scales x by 1 − 2a·lr, so n steps give (1 − 2a·lr)ⁿ·x0';
const STABILITY =
  'x shrinks toward the minimum when 0 < lr < 1/a and grows away from it when lr > 1/a';
const MONOTONE = 'f never increases from one step to the next for a small lr on a convex quadratic';
const PURE = 'leaves initX unchanged';
const STEPS =
  'makes exactly stepNum updates, each calling f 2·size times through the numerical gradient';
const DEFAULTS = 'defaults to lr = 0.01 and stepNum = 100';

export const gradientDescent: ExerciseEntry = {
  id: '04_gradient_descent',
  title: 'Gradient descent',
  book: '4.4.1',
  exports: ['gradientDescent'],
  laws: [
    {
      name: CONVERGES,
      points: 1,
      hint: 'Each step is x ← x − lr·grad with grad = numericalGradient(f, x), repeated stepNum times (book 4.4.1).',
    },
    {
      name: CREEPS,
      points: 1,
      hint: 'Use the lr you are given: with lr = 1e-10, 100 steps move x by only about 2e-8 of itself.',
    },
    {
      name: FREEZES,
      points: 2,
      hint: 'Take the gradient with src numericalGradient, as gradient_method.py uses common/: once |x| passes about 2⁴⁰, x ± 1e-4 rounds to x, the gradient is 0 and x freezes.',
    },
    {
      name: CLOSED_FORM,
      points: 3,
      hint: 'On a·Σx² the gradient is 2a·x, so one step maps x to (1 − 2a·lr)·x. Check the sign of the update, the lr you use and the number of steps.',
    },
    {
      name: STABILITY,
      points: 1,
      hint: 'Descent subtracts lr·grad. Do not clip or normalise the step: a too-large lr must be allowed to diverge, as the book shows with lr = 10.',
    },
    {
      name: MONOTONE,
      points: 1,
      hint: 'Go against the gradient, x − lr·grad: the gradient points uphill (book 4.4.1).',
    },
    {
      name: PURE,
      points: 1,
      hint: 'The book x = init_x makes x the same array as init_x, so x -= ... changes it. Start from copy(initX).',
    },
    {
      name: STEPS,
      points: 1,
      hint: 'Loop exactly stepNum times, one numericalGradient and one update per step, and never stop early.',
    },
    {
      name: DEFAULTS,
      points: 1,
      hint: 'Give the parameters the book defaults: lr = 0.01, stepNum = 100.',
    },
  ],
  diagnoses: [
    {
      failed: [MONOTONE, STABILITY],
      passed: [PURE],
      say: 'f grows: you step along the gradient (x += lr·grad), which is gradient ascent; descent steps against it, x −= lr·grad.',
    },
    {
      failed: [PURE],
      passed: [CONVERGES],
      say: 'initX changed: like the book x = init_x, your x is the same array, so every update writes into initX. Start from copy(initX).',
    },
    {
      failed: [STEPS],
      passed: [PURE, MONOTONE],
      say: 'the number of steps is not stepNum: loop for (let i = 0; i < stepNum; i++), one gradient and one update each, without stopping early.',
    },
    {
      failed: [FREEZES],
      passed: [CLOSED_FORM, CONVERGES],
      say: 'your lr = 10 run does not freeze where the book does: once |x| passes about 2⁴⁰, x ± h rounds to x and the numerical gradient is 0. Use src numericalGradient, as gradient_method.py uses common/.',
    },
    {
      failed: [DEFAULTS],
      passed: [CLOSED_FORM],
      say: 'check the default values: lr = 0.01 and stepNum = 100, as in the gradient_descent of the book.',
    },
    {
      failed: [CREEPS, CONVERGES],
      passed: [MONOTONE, STEPS],
      say: 'your step size does not follow lr: with lr = 1e-10 x should barely move, with lr = 0.1 it should reach the book value. Use the lr you are given in x −= lr·grad.',
    },
    {
      failed: [CONVERGES, CLOSED_FORM, STABILITY],
      passed: [CREEPS, MONOTONE, STEPS],
      say: 'your steps are smaller than lr·grad by a constant factor: x converges too slowly, and a too-large lr does not diverge as it must. There is no batch here to average over: x −= lr·grad, divided by nothing.',
    },
    {
      failed: [STABILITY, CLOSED_FORM],
      passed: [CONVERGES, CREEPS, MONOTONE],
      say: 'small steps are right but large ones are not: with lr > 1/a plain gradient descent must overshoot and grow away from the minimum. Do not clip, normalise or cap the step: x −= lr·grad exactly.',
    },
    {
      failed: [CONVERGES, CLOSED_FORM],
      passed: [STEPS, STABILITY, CREEPS, FREEZES],
      say: 'you stop before stepNum steps once x is near the minimum: the book always takes all stepNum steps, with no test for convergence.',
    },
  ],
};
