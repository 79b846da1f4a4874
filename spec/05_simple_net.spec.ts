// Laws of the book's simpleNet (4.4.2): a linear score, its softmax cross-entropy, and the
// numerical gradient of that loss taken through a closure over net.W.
import fc from 'fast-check';
import { array, createRng, NDArray, numericalGradient } from '../src/index.ts';
import { labelsArb, matrixArb, oneHot, realArb } from './support/arbitraries.ts';
import { asArray, asNumber, expectClose, type Tolerance } from './support/close.ts';
import { exercise, forAll, settings } from '../grader/harness.ts';
import { fail } from '../grader/law-error.ts';
import { expectStandardNormal } from './support/normal-sample.ts';

// the code under test loads last, after the spec's own modules have captured pristine built-ins
const {
  law,
  impl: { SimpleNet },
} = await exercise(
  {
    id: '05_simple_net',
    title: 'A simple network and its gradient',
    book: '4.4.2',
    exports: ['SimpleNet'],
  },
  () => import('@impl/05_simple_net'),
);

const EPS = Number.EPSILON;
const DELTA = 1e-7; // the book's δ inside log(y + δ)
const H = 1e-4; // src's central-difference step
// a few roundings of values near 1: the book's numbers are reproduced to the last digits
const BOOK: Tolerance = { abs: 0, rel: 1e-12 };
// both sides of the linearity law round ≤ 4 times per term of S = Σₖ (|αxₖ| + |βzₖ|)·|Wₖⱼ|,
// so they differ by ≤ 8ε·S; 16ε·S leaves room for any summation order
const LINEAR_ULPS = 16;
// logits |z| ≤ 2·3·|W| ≲ 30 are rounded to ~4ε|z|, which moves log-softmax by ≲ 10ε·30 ≈ 7e-14
const LOSS: Tolerance = { abs: 1e-12, rel: 1e-12 };
// central difference: truncation h²/6·|∂³L/∂W³| with ∂³L/∂Wᵢⱼ³ = xᵢ³·∂³L/∂zⱼ³, |xᵢ| ≤ 2 and
// |∂³L/∂zⱼ³| ≤ 1/(6√3) < 0.25 (softmax cross-entropy, δ included) gives 3.3e-9; rounding of
// L (|z| ≤ 12) is ≲ 10ε·12 per call, /2h ≈ 3e-10
const GRADIENT: Tolerance = { abs: (H * H * 8 * 0.25) / 6 + 3e-10, rel: 0 };
const POOL_NETS = 300; // 300 nets × 6 weights = 1800 draws ≥ MIN_POOL

// the book's example (4.4.2): this W, x = [0.6, 0.9], t = [0, 0, 1]
const W_BOOK = [
  [0.47355232, 0.9977393, 0.84668094],
  [0.85557411, 0.03563661, 0.69422093],
];
const X_BOOK = [0.6, 0.9];

const newNet = (seed: number) => new SimpleNet(createRng(seed));
const weights = (net: InstanceType<typeof SimpleNet>) => asArray(net.W, [2, 3], 'net.W');

/** −mean log(softmax(x·W)[t] + δ), and its exact gradient w.r.t. W, written out by hand. */
function oracle(W: NDArray, x: NDArray, labels: NDArray): { loss: number; dW: number[] } {
  const rows = x.ndim === 1 ? 1 : x.shape[0];
  const dW = new Array<number>(6).fill(0);
  let loss = 0;
  for (let n = 0; n < rows; n++) {
    const [x0, x1] = [x.data[2 * n], x.data[2 * n + 1]];
    const z = [0, 1, 2].map((j) => x0 * W.data[j] + x1 * W.data[3 + j]);
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const y = e.map((v) => v / (e[0] + e[1] + e[2]));
    const label = labels.data[n];
    loss -= Math.log(y[label] + DELTA) / rows;
    // ∂/∂z of −log(y_t + δ) is (y − t)·y_t/(y_t + δ): the book's y − t, with δ's factor
    const r = y[label] / (y[label] + DELTA);
    for (let j = 0; j < 3; j++) {
      const dz = (r * (y[j] - (j === label ? 1 : 0))) / rows;
      dW[j] += x0 * dz;
      dW[3 + j] += x1 * dz;
    }
  }
  return { loss, dW };
}

// N = 0 stands for a single 1-D sample x: (2), the book's case; batches stay small to read
const caseArb = (xMax: number) =>
  fc.integer({ min: 0, max: 3 }).chain((n) =>
    fc.tuple(
      matrixArb(Math.max(n, 1), 2, -xMax, xMax).map((x) =>
        n === 0 ? new NDArray(x.data, [2]) : x,
      ),
      labelsArb(Math.max(n, 1), 3),
    ),
  );

law(
  'book',
  {
    name: 'the book example: x = [0.6, 0.9] and t = [0, 0, 1] give the loss 0.9280682857864075',
    points: 1,
    hint: 'predict is np.dot(x, self.W); loss is cross_entropy_error(softmax(predict(x)), t), using src’s softmax and crossEntropyError (book 4.4.2).',
  },
  () => {
    const net = newNet(settings.seed);
    net.W = array(W_BOOK);
    const scores = asArray(net.predict(array(X_BOOK)), [3], 'net.predict([0.6, 0.9])');
    expectClose(scores, [1.054148091, 0.630716529, 1.132807401], BOOK, 'net.predict([0.6, 0.9])');
    // the book printed 0.92806853663411326, computed before δ = 1e-7 joined the log
    const loss = asNumber(net.loss(array(X_BOOK), array([0, 0, 1])), 'net.loss(x, t)');
    expectClose(loss, 0.9280682857864075, BOOK, 'net.loss([0.6, 0.9], [0, 0, 1])');
  },
);

law(
  'normal_init',
  {
    name: 'W is (2, 3) and drawn from the standard normal: pooled over 300 seeds it fits N(0, 1)',
    points: 2,
    hint: 'The book draws W with np.random.randn(2, 3): use src’s randn([2, 3], rng), not rng.random(), and do not rescale it.',
  },
  () => {
    const pool: number[] = [];
    for (let k = 0; k < POOL_NETS; k++)
      pool.push(...weights(newNet(settings.seed * POOL_NETS + k)).data);
    expectStandardNormal(
      pool,
      `the entries of W over ${POOL_NETS} nets built with createRng(seed)`,
    );
  },
);

law(
  'seeded',
  {
    name: 'the same rng seed gives the same W, and different seeds give different W',
    points: 1,
    hint: 'Draw every number from the rng the constructor receives; when none is given, use createRng with a fixed seed.',
  },
  () => {
    const same = (a: NDArray, b: NDArray) => a.data.every((v, i) => Object.is(v, b.data[i]));
    for (const seed of [settings.seed, settings.seed + 1]) {
      if (!same(weights(newNet(seed)), weights(newNet(seed)))) {
        fail(
          `two nets built with createRng(${seed}) have different W: draw W from the rng you are given`,
        );
      }
    }
    if (same(weights(newNet(settings.seed)), weights(newNet(settings.seed + 1)))) {
      fail(
        `createRng(${settings.seed}) and createRng(${settings.seed + 1}) give the same W: is the rng ignored?`,
      );
    }
    if (!same(weights(new SimpleNet()), weights(new SimpleNet()))) {
      fail('two nets built without an rng have different W: use a fixed default seed');
    }
  },
);

law(
  'linear',
  {
    name: 'predict is linear in x: predict(αx + βz) = α·predict(x) + β·predict(z)',
    points: 2,
    hint: 'predict is only the scores x·W: no softmax, no bias, no activation. The softmax belongs to loss.',
  },
  () => {
    const linearArb = fc.integer({ min: 1, max: 4 }).chain((n) =>
      // |x|, |z| ≤ 10 and |α|, |β| ≤ 5: any scale works, these keep the numbers readable
      fc.tuple(matrixArb(n, 2), matrixArb(n, 2), realArb(-5, 5), realArb(-5, 5)),
    );
    const net = newNet(settings.seed);
    const W = weights(net).data.slice();
    forAll(
      [linearArb],
      ([x, z, a, b]) => {
        const n = x.shape[0];
        const mixed = new NDArray(
          x.data.map((v, i) => a * v + b * z.data[i]),
          [n, 2],
        );
        const lhs = asArray(net.predict(mixed), [n, 3], 'net.predict(αx + βz)');
        const px = asArray(net.predict(x), [n, 3], 'net.predict(x)');
        const pz = asArray(net.predict(z), [n, 3], 'net.predict(z)');
        let scale = 0;
        for (let r = 0; r < n; r++) {
          for (let j = 0; j < 3; j++) {
            let s = 0;
            for (let k = 0; k < 2; k++) {
              s +=
                (Math.abs(a * x.data[2 * r + k]) + Math.abs(b * z.data[2 * r + k])) *
                Math.abs(W[3 * k + j]);
            }
            scale = Math.max(scale, s);
          }
        }
        const rhs = px.data.map((v, i) => a * v + b * pz.data[i]);
        expectClose(
          lhs,
          new NDArray(rhs, [n, 3]),
          { abs: LINEAR_ULPS * EPS * scale, rel: 0 },
          'net.predict(αx + βz)',
        );
      },
      ([x, z, a, b]) => `x = ${x}, z = ${z}, α = ${a}, β = ${b}, with W = ${net.W}`,
    );
  },
);

law(
  'loss',
  {
    name: 'loss is the cross-entropy of softmax(predict(x)), for one-hot and label t',
    points: 2,
    hint: 'Turn the scores into probabilities with softmax before crossEntropyError; the loss of raw scores is not a cross-entropy.',
  },
  () => {
    const net = newNet(settings.seed);
    const W = new NDArray(weights(net).data.slice(), [2, 3]);
    forAll(
      // |x| ≤ 3, near the book's 0.6 and 0.9, keeps the softmax off the δ floor
      [caseArb(3)],
      ([x, labels]) => {
        const expected = oracle(W, x, labels).loss;
        const t = oneHot(labels, 3);
        const tOneHot = x.ndim === 1 ? new NDArray(t.data, [3]) : t;
        expectClose(
          asNumber(net.loss(x, tOneHot), 'net.loss'),
          expected,
          LOSS,
          'net.loss(x, one-hot t)',
        );
        expectClose(
          asNumber(net.loss(x, labels), 'net.loss'),
          expected,
          LOSS,
          'net.loss(x, labels)',
        );
      },
      ([x, labels]) => `x = ${x}, labels = ${labels}, with W = ${W}`,
    );
  },
);

law(
  'closure',
  {
    name: 'the numerical gradient of f(W) = net.loss(x, t) equals the closed form (softmax(x·W) − t) ⊗ x',
    points: 2,
    hint: 'numericalGradient changes net.W in place and calls f; loss must read this.W at that moment, not a copy made in the constructor (book 4.4.2).',
  },
  () => {
    const net = newNet(settings.seed);
    forAll(
      // |W| ≤ 3 covers the standard normal's usual draws; |x| ≤ 2 bounds the truncation error
      [matrixArb(2, 3, -3, 3), caseArb(2)],
      (W, [x, labels]) => {
        net.W = new NDArray(W.data.slice(), [2, 3]);
        const dW = numericalGradient(() => asNumber(net.loss(x, labels), 'net.loss'), net.W);
        expectClose(
          dW,
          new NDArray(Float64Array.from(oracle(W, x, labels).dW), [2, 3]),
          GRADIENT,
          'numericalGradient(W => net.loss(x, t), net.W)',
        );
      },
      (W, [x, labels]) => `W = ${W}, x = ${x}, labels = ${labels}`,
    );
  },
);
