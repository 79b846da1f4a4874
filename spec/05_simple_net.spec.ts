// Laws of the book's simpleNet (4.4.2): a linear score, its softmax cross-entropy, and the
// numerical gradient of that loss taken through a closure over net.W. Each case builds its
// own net, so a net that a law's code changed can mislead no other case.
import fc from 'fast-check';
import { array, copy, createRng, NDArray, numericalGradient } from '../src/index.ts';
import { matrixArb, realArb } from './support/arbitraries.ts';
import { asArray, asNumber, expectClose, expectIdentical } from './support/close.ts';
import { exercise, forAll, settings } from '../grader/harness.ts';
import { fail } from '../grader/law-error.ts';
import { expectStandardNormal } from './support/normal-sample.ts';
import {
  BOOK,
  GRADIENT,
  linearBound,
  linearCaseArb,
  LOSS,
  mix,
  oracle,
  rowsOf,
  sampleArb,
  scores,
  seedArb,
  targets,
  W_BOOK,
  X_BOOK,
} from './support/simple-net.ts';
import { suspects } from './diagnoses/05_simple_net.ts';

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
  suspects,
);

const POOL_NETS = 300; // 300 nets × 6 weights = 1800 draws ≥ MIN_POOL

type Net = InstanceType<typeof SimpleNet>;
const newNet = (seed: number) => new SimpleNet(createRng(seed));
const weights = (net: Net) => asArray(net.W, [2, 3], 'net.W');
const shape = (x: NDArray) => `(${x.shape.join(', ')})`;
const predicted = (net: Net, x: NDArray) =>
  asArray(net.predict(copy(x)), x.ndim === 1 ? [3] : [rowsOf(x), 3], `net.predict(x ${shape(x)})`);
/** net.predict(x) against x·W for the W the net holds now, within rounding. */
function expectScores(net: Net, x: NDArray, what: string) {
  const { z, bound } = scores(weights(net).data.slice(), x);
  expectClose(predicted(net, x), z, { abs: bound, rel: 0 }, `net.predict(x) ${what}`);
}

law(
  'book',
  {
    name: 'the book example: x = [0.6, 0.9] and t = [0, 0, 1] give the loss 0.9280682857864075',
    points: 1,
    hint: 'predict is np.dot(x, self.W); loss is cross_entropy_error(softmax(predict(x)), t), using src’s softmax and crossEntropyError (book 4.4.2).',
    covers: ['predict(x) = x·W', 'loss(x, t) = crossEntropyError(softmax(predict(x)), t)'],
  },
  () => {
    const net = newNet(settings.seed);
    net.W = array(W_BOOK);
    const z = predicted(net, array(X_BOOK));
    expectClose(z, [1.054148091, 0.630716529, 1.132807401], BOOK, 'net.predict([0.6, 0.9])');
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
    covers: ['W is (2, 3), drawn from the standard normal'],
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
    name: 'W comes from the rng: the same seed gives the same W, other seeds another, no rng the W of createRng(0)',
    points: 1,
    hint: 'Draw every number from the rng the constructor receives; when none is given, make createRng(0) inside the constructor, for each net.',
    covers: ['with the rng given', 'Without an rng the net uses createRng(0)'],
  },
  () => {
    const same = (a: Net, b: Net) =>
      weights(a).data.every((v, i) => Object.is(v, weights(b).data[i]));
    forAll([seedArb], (seed) => {
      if (!same(newNet(seed), newNet(seed)))
        fail(`two nets built with createRng(${seed}) have different W`);
      if (same(newNet(seed), newNet(seed + 1)))
        fail(`createRng(${seed}) and createRng(${seed + 1}) give the same W`);
    });
    if (!same(new SimpleNet(), new SimpleNet()))
      fail('two nets built without an rng have different W');
    if (!same(new SimpleNet(), newNet(0)))
      fail('a net built without an rng and one built with createRng(0) have different W');
  },
);

law(
  'linear',
  {
    name: 'predict is linear in x: predict(αx + βz) = α·predict(x) + β·predict(z)',
    points: 1,
    hint: 'predict is only the scores x·W: no softmax, no bias, no activation. The softmax belongs to loss.',
    covers: ['no bias, no hidden layer', 'the scores, before any softmax'],
  },
  () => {
    forAll(
      [seedArb, linearCaseArb],
      (seed, [x, z, a, b]) => {
        const net = newNet(seed);
        const W = weights(net).data.slice();
        const [lhs, px, pz] = [mix(x, z, a, b), x, z].map((v) => predicted(net, v));
        const rhs = mix(px, pz, a, b);
        expectClose(lhs, rhs, { abs: linearBound(W, x, z, a, b), rel: 0 }, 'net.predict(αx + βz)');
      },
      (seed, [x, z, a, b]) => `x = ${x}, z = ${z}, α = ${a}, β = ${b}, net from createRng(${seed})`,
    );
  },
);

law(
  'predict',
  {
    name: 'predict(x) is x·W for x of shape (2) or (N, 2), with net.W as it is at the call: assigned, or changed in place',
    points: 2,
    hint: 'Return dot(x, this.W), reading this.W when predict runs: (2) → (3) and (N, 2) → (N, 3). Do not keep a copy of W made in the constructor.',
    covers: [
      'predict(x) = x·W',
      'predict takes x of shape (2)',
      'assigning net.W',
      'changing its elements',
    ],
  },
  () => {
    // |W| ≤ 3 covers the standard normal's usual draws; |x| ≤ 10 as anywhere
    forAll(
      [seedArb, sampleArb(10), matrixArb(2, 3, -3, 3), fc.nat(5), realArb(-3, 3)],
      (seed, { x }, W, i, v) => {
        const net = newNet(seed);
        expectScores(net, x, 'with the W it was built with');
        net.W = copy(W);
        expectScores(net, x, 'after net.W = W');
        net.W.data[i] = v;
        expectScores(net, x, `after net.W.data[${i}] = ${v}`);
      },
      (seed, { x }, W, i, v) =>
        `x = ${x}; net from createRng(${seed}), W = ${W}, W.data[${i}] = ${v}`,
    );
  },
);

law(
  'loss',
  {
    name: 'loss is the cross-entropy of softmax(predict(x)), for one-hot and label t, one sample or a batch',
    points: 2,
    hint: 'Turn the scores into probabilities with softmax before crossEntropyError; the loss of raw scores is not a cross-entropy.',
    covers: ['loss(x, t) = crossEntropyError', 'loss uses src', 'It returns a number.'],
  },
  () => {
    // |x| ≤ 3, near the book's 0.6 and 0.9, keeps the softmax off the δ floor
    forAll(
      [seedArb, sampleArb(3)],
      (seed, { x, labels }) => {
        const net = newNet(seed);
        const { loss } = oracle(weights(net).data.slice(), x, labels.data);
        const t = targets(x, labels);
        for (const [form, tt] of [
          ['one-hot t', t.oneHot],
          ['labels t', t.labels],
        ] as const) {
          const got = asNumber(net.loss(copy(x), copy(tt)), 'net.loss');
          expectClose(got, loss, LOSS, `net.loss(x ${shape(x)}, ${form} ${shape(tt)})`);
        }
      },
      (seed, { x, labels }) => `x = ${x}, labels = ${labels}, net from createRng(${seed})`,
    );
  },
);

law(
  'closure',
  {
    name: 'the numerical gradient of f(W) = net.loss(x, t) equals the closed form (softmax(x·W) − t) ⊗ x',
    points: 2,
    hint: 'numericalGradient changes net.W in place and calls f; loss must read this.W at that moment, not a copy made in the constructor (book 4.4.2).',
    covers: ['The section', 'as numericalGradient does'],
  },
  () => {
    // |W| ≤ 3 covers the standard normal's usual draws; |x| ≤ 2 bounds the truncation error
    forAll(
      [seedArb, matrixArb(2, 3, -3, 3), sampleArb(2), fc.boolean()],
      (seed, W, { x, labels }, hot) => {
        const net = newNet(seed);
        net.W = copy(W);
        const t = hot ? targets(x, labels).oneHot : labels;
        const dW = numericalGradient(() => asNumber(net.loss(x, t), 'net.loss'), net.W);
        const what = 'numericalGradient(() => net.loss(x, t), net.W)';
        expectClose(dW, oracle(W.data, x, labels.data).dW, GRADIENT, what);
      },
      (seed, W, { x, labels }, hot) => `W = ${W}, x = ${x}, t = ${hot ? 'one-hot ' : ''}${labels}`,
    );
  },
);

law(
  'pure',
  {
    name: 'neither predict nor loss changes x, t or W',
    points: 1,
    hint: 'Compute into new arrays: never write into x.data, t.data or this.W.data, and leave net.W holding what it held.',
    covers: ['Neither predict nor loss changes x, t or W.'],
  },
  () => {
    forAll([seedArb, sampleArb(3)], (seed, { x, labels }) => {
      const net = newNet(seed);
      const t = targets(x, labels);
      const inputs = { x, 'one-hot t': t.oneHot, 'labels t': labels, 'net.W': weights(net) };
      const before = Object.values(inputs).map((a) => a.data.slice());
      net.predict(x);
      net.loss(x, t.oneHot);
      net.loss(x, labels);
      Object.entries(inputs).forEach(([name, a], i) => expectIdentical(a, before[i], name));
      expectIdentical(weights(net), before[3], 'net.W after predict and loss');
    });
  },
);
