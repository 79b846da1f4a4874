// Laws of the numerical gradient of book 4.4, each beside the book's worked example.
import fc from 'fast-check';
import {
  array,
  dot,
  NDArray,
  numericalGradient as trustedGradient,
  reshape,
} from '../src/index.ts';
import { ndarrayArb, realArb, shapeArb } from './support/arbitraries.ts';
import { asArray, expectClose, expectIdentical, type Tolerance } from './support/close.ts';
import { format, formatNumber } from './support/format.ts';
import { exercise, forAll, settings } from '../grader/harness.ts';
import { fail } from '../grader/law-error.ts';
import { multivariateExprArb, thirdDerivativeBound, X_RANGE } from './support/symbolic.ts';

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
  },
  () => import('@impl/03_numerical_gradient'),
);

const H = 1e-4; // the book's step
const EPS = Number.EPSILON;

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
// mathjs evaluates ∂f/∂xᵢ in floating point too: a few hundred ε relative at most.
const ORACLE_REL = 1e-12;

/** The student's gradient in x's shape; re-exporting src's own answer scores nothing. */
function gradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  if (numericalGradient === trustedGradient) {
    fail(
      `${settings.impl}/03_numerical_gradient.ts re-exports src's numericalGradient; write your own`,
    );
  }
  return asArray(numericalGradient(f, x), x.shape, 'numericalGradient(f, x)');
}

const function2 = (x: NDArray) => x.data[0] ** 2 + x.data[1] ** 2;

law(
  'book',
  {
    name: 'gives the book gradients (6, 8), (0, 4) and (6, 0) of x0² + x1² at (3, 4), (0, 2) and (3, 0)',
    points: 1,
    hint: 'Apply the central difference of 02 to one element at a time: x[i] ± h with h = 1e-4, the others unchanged (book 4.4).',
  },
  () => {
    for (const [point, slope] of [
      [
        [3, 4],
        [6, 8],
      ],
      [
        [0, 2],
        [0, 4],
      ],
      [
        [3, 0],
        [6, 0],
      ],
    ]) {
      expectClose(
        gradient(function2, array(point)),
        slope,
        BOOK,
        `numericalGradient(function_2, [${point}])`,
      );
    }
  },
);

law(
  'non_separable',
  {
    name: 'x0·x1² at (3, 4) has gradient [16, 24], which needs x put back after each coordinate',
    points: 1,
    hint: 'After the two calls of f for element i, write its saved value back (as the book does with x[idx] = tmp_val), or the next partial derivative is taken at a shifted point.',
  },
  () => {
    const x = array([3, 4]);
    const g = gradient((v) => v.data[0] * v.data[1] ** 2, x);
    expectClose(g, [16, 24], BOOK, 'numericalGradient(x ↦ x0·x1², [3, 4])');
  },
);

law(
  'symbolic',
  {
    name: 'agrees with the symbolic gradient from mathjs of generated functions of up to four variables',
    points: 2,
    hint: 'Each partial derivative should be as accurate as numericalDiff: central difference, h = 1e-4, divided by 2h.',
  },
  () => {
    // the same n values as a vector (n) or as a matrix, (1, n), (n, 1) or (2, 2)
    const caseArb = multivariateExprArb.chain((g) =>
      fc.record({
        g: fc.constant(g),
        shape: fc.constantFrom<number[]>([g.n], [1, g.n], [g.n, 1], ...(g.n === 4 ? [[2, 2]] : [])),
        values: fc.array(realArb(-X_RANGE, X_RANGE), { minLength: g.n, maxLength: g.n }),
      }),
    );
    forAll(
      [caseArb],
      ({ g, shape, values }) => {
        const x = new NDArray(Float64Array.from(values), shape);
        const expected = g.partials.map((d) => d(values));
        const actual = gradient((v) => g.f(v.data), x);
        for (let i = 0; i < g.n; i++) {
          // ∂f/∂xᵢ along the line through x in direction eᵢ, for the truncation term
          const along = (t: number) => g.partials[i](values.map((v, j) => (j === i ? t : v)));
          const tol: Tolerance = {
            abs:
              ((H * H) / 6) * thirdDerivativeBound(along, values[i]) +
              (g.roundingUnits * EPS) / H +
              (Math.abs(expected[i]) * EPS * (Math.abs(values[i]) + H)) / (2 * H),
            rel: ORACLE_REL,
          };
          expectClose(actual.data[i], expected[i], tol, `∂f/∂x${i}, element ${i} of the gradient`);
        }
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
    name: 'leaves x bit-identical, and every call of f sees exactly one coordinate moved by +h or by −h',
    points: 2,
    hint: 'Save tmp = x[i], set x[i] = tmp + h, call f, set x[i] = tmp − h, call f, then x[i] = tmp. Assigning the saved value restores it exactly; adding and subtracting h does not.',
  },
  () => {
    // |x| ≤ 10: both signs, and h = 1e-4 stays far above the spacing of doubles there
    forAll(
      [shapeArb.chain((shape) => ndarrayArb(shape, -10, 10))],
      (x) => {
        const before = x.data.slice();
        const moves = new Set<string>();
        gradient((v) => {
          const moved = [...v.data.keys()].filter((i) => !Object.is(v.data[i], before[i]));
          if (moved.length !== 1) {
            fail(
              `f was called with ${moved.length} coordinates of x moved (${moved.join(', ')}); expected exactly one`,
            );
          }
          const [i] = moved;
          const delta = v.data[i] - before[i];
          if (Math.abs(Math.abs(delta) - H) > STEP) {
            fail(
              `f saw x[${i}] moved by ${formatNumber(delta)}; it should move by +h or −h, h = 1e-4`,
            );
          }
          moves.add(`${i}${delta > 0 ? '+' : '−'}`);
          return v.data.reduce((s, t) => s + t * t, 0);
        }, x);
        expectIdentical(x, before, 'x');
        for (let i = 0; i < x.size; i++) {
          for (const sign of ['+', '−']) {
            if (!moves.has(`${i}${sign}`)) fail(`element ${i} of x was never moved by ${sign}h`);
          }
        }
      },
      (x) => `x = ${format(x)}`,
    );
  },
);

law(
  'calls',
  {
    name: 'calls f at most 2·size times',
    points: 1,
    hint: 'Two calls of f per element are all you need; check the loop bound (i < x.size).',
  },
  () => {
    forAll(
      [shapeArb.chain((shape) => ndarrayArb(shape, -10, 10))],
      (x) => {
        let calls = 0;
        gradient((v) => (calls++, v.data[0]), x);
        if (calls > 2 * x.size)
          fail(
            `f was called ${calls} times for x of size ${x.size}; at most ${2 * x.size} are needed`,
          );
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
        // the book's simpleNet, its loss written as log Σ exp(z) − z_t so the oracle is exact
        const net = {
          W,
          loss: () => {
            const z = dot(x, net.W).data;
            return Math.log(z.reduce((s, zj) => s + Math.exp(zj), 0)) - z[t];
          },
        };
        const z = dot(x, W).data;
        const total = z.reduce((s, zj) => s + Math.exp(zj), 0);
        // ∂L/∂W[i, j] = x_i·(softmax(z)_j − t_j)
        const expected = W.data.map((_, k) => {
          const [i, j] = [Math.floor(k / 3), k % 3];
          return x.data[i] * (Math.exp(z[j]) / total - (j === t ? 1 : 0));
        });
        const dW = gradient(() => net.loss(), net.W);
        expectClose(
          dW,
          reshape(new NDArray(expected, [6]), [2, 3]),
          NET,
          'numericalGradient(W => net.loss(x, t), net.W)',
        );
      },
      ({ W, x, t }) => `W = ${format(W)}, x = ${format(x)}, t = ${t}`,
    );
  },
);

law(
  'shape',
  {
    name: 'returns the gradient in the shape of x, for a vector, a weight matrix or more axes',
    points: 1,
    hint: 'Build the gradient with zerosLike(x), so it has the shape of x, and fill grad.data[i] for the same flat index i you moved in x.data.',
  },
  () => {
    // |x| ≤ 1 and ≤ 64 elements keep f = Σ (k+1)·x_k ≤ 2080, so its rounding stays tiny
    forAll(
      [shapeArb.chain((shape) => ndarrayArb(shape, -1, 1))],
      (x) => {
        const f = (v: NDArray) => v.data.reduce((s, t, k) => s + (k + 1) * t, 0);
        const slopes = new NDArray(
          x.data.map((_, k) => k + 1),
          x.shape,
        );
        expectClose(
          gradient(f, x),
          slopes,
          SHAPED,
          'the gradient of Σ (k+1)·x_k, element by element',
        );
      },
      (x) =>
        `x of shape (${x.shape.join(', ')}) = ${format(x)}; f = Σ (k+1)·x_k over the flat index k`,
    );
  },
);
