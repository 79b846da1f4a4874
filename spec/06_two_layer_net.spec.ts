// Laws of the book's TwoLayerNet (4.5.1): its initialisation, its outputs, and its two
// gradients, each checked against the grader's own net (support/trusted-net.ts).
import fc from 'fast-check';
import { crossEntropyError, zerosLike } from '../src/index.ts';
import { oneHot } from './support/arbitraries.ts';
import { asArray, asNumber, expectClose } from './support/close.ts';
import { fail } from '../grader/law-error.ts';
import { LAW_TIME_LIMIT_MS } from '../grader/sandbox/guard.ts';
import { exercise, forAll, settings, type LawDeclaration } from '../grader/harness.ts';
import { expectStandardNormal } from './support/normal-sample.ts';
import { exactGradient, forward } from './support/trusted-net.ts';
import * as two from './support/two-layer.ts';
import { expectFresh, expectPure } from './support/two-layer-purity.ts';
import { suspects } from './diagnoses/06_two_layer_net.ts';

// the code under test loads last, after the spec's own modules have captured pristine built-ins
const { law: register, impl } = await exercise(
  { id: '06_two_layer_net', title: 'A two-layer network', book: '4.5.1', exports: ['TwoLayerNet'] },
  () => import('@impl/06_two_layer_net'),
  suspects,
);
const { TwoLayerNet } = impl;
// the guard's limit grows with FC_NUM_RUNS (100 by default), so a long run is not cut short
const law = (key: string, declaration: LawDeclaration, body: () => void) =>
  register(key, declaration, body, LAW_TIME_LIMIT_MS * Math.max(1, settings.numRuns / 100));

const build = (dims: readonly number[], std?: number, seed?: number) =>
  two.buildNet(TwoLayerNet, dims, std, seed).params;
const netFor = (c: two.Case) => two.netFor(TwoLayerNet, c, settings.seed);

law(
  'init_shapes',
  {
    name: 'params have the shapes W1 (I, H), b1 (H), W2 (H, O), b2 (O), and the biases start at 0',
    points: 1,
    hint: 'W1 is (inputSize, hiddenSize), W2 is (hiddenSize, outputSize); b1 and b2 are zeros of hiddenSize and outputSize (book 4.5.1).',
    covers: ['params: W1 (I, H), b1 (H), W2 (H, O), b2 (O)', 'the biases start at 0'],
  },
  () => {
    for (const dims of two.SIZES) {
      const p = build(dims, two.SMALL_STD, settings.seed);
      for (const k of ['b1', 'b2'] as const)
        expectClose(p[k], zerosLike(p[k]), two.EXACT, `params.${k} for sizes (${dims})`);
    }
  },
);

law(
  'init_normal',
  {
    name: 'weights are weightInitStd·randn: pooled over 10 nets W/weightInitStd fits N(0, 1), for two values of weightInitStd',
    points: 2,
    hint: 'Each weight is weightInitStd * randn(shape, rng): normal, not uniform, and scaled by the weightInitStd you are given.',
    covers: ['The weights are weightInitStd · randn(shape, rng)'],
  },
  () => {
    const dims = [30, 20, 10];
    const pools = { W1: [] as number[], W2: [] as number[] };
    for (let k = 0; k < two.POOL_NETS; k++) {
      const seed = settings.seed * two.POOL_NETS + k;
      const unit = (std: number) => two.unitWeights(build(dims, std, seed), std);
      const [a, b] = [unit(two.SMALL_STD), unit(two.LARGE_STD)];
      for (const w of ['W1', 'W2'] as const) {
        expectClose(b[w], a[w], two.SCALED, `${w}/weightInitStd of two nets of createRng(${seed})`);
        pools[w].push(...(k % 2 === 0 ? a : b)[w].data); // half the pool from each σ
      }
    }
    for (const w of ['W1', 'W2'] as const)
      expectStandardNormal(pools[w], `${w}/weightInitStd over ${two.POOL_NETS} nets`);
  },
);

law(
  'seeded',
  {
    name: 'the rng decides the params: one seed, one net; and the defaults are weightInitStd 0.01 and createRng(0)',
    points: 2,
    hint: 'Draw every weight from the rng the constructor receives, never Math.random; default weightInitStd to 0.01 and rng to createRng(0).',
    covers: [
      'randn(shape, rng)',
      'weightInitStd defaults to 0.01',
      'without an rng the net uses createRng(0), so every such net starts with the same params',
    ],
  },
  () => {
    forAll(
      [two.sizesArb, fc.nat({ max: 1000 })], // any seed
      (dims, seed) => {
        const net = (std?: number, s?: number) => build(dims, std, s);
        const given = net(two.SMALL_STD, seed);
        two.expectSameParams(net(two.SMALL_STD, seed), given, `a second createRng(${seed})`);
        if (two.sameParams(net(two.SMALL_STD, seed + 1), given))
          fail(`nets of createRng(${seed}) and createRng(${seed + 1}) have the same params`);
        two.expectSameParams(net(undefined, seed), given, 'weightInitStd left out');
        two.expectSameParams(net(), net(two.SMALL_STD, 0), 'no rng, against createRng(0)');
      },
      (dims, seed) => `sizes (${dims}), seed ${seed}`,
    );
  },
);

law(
  'predict',
  {
    name: 'predict is softmax(sigmoid(x·W1 + b1)·W2 + b2): one probability row per sample',
    points: 1,
    hint: 'a1 = x·W1 + b1, z1 = sigmoid(a1), a2 = z1·W2 + b2, y = softmax(a2): the softmax makes each row sum to 1.',
    covers: [
      'a1 = x·W1 + b1,  z1 = sigmoid(a1),  y = softmax(z1·W2 + b2)',
      'predict takes x (N, I)',
    ],
  },
  () => {
    forAll(
      [two.caseArb],
      (c) => {
        const y = asArray(netFor(c).predict(c.x), [c.dims[3], c.dims[2]], 'net.predict(x)');
        expectClose(y, forward(c.p, c.x).y, two.PREDICT, 'net.predict(x)');
      },
      two.showCase,
    );
  },
);

law(
  'loss',
  {
    name: 'loss is the cross-entropy of predict(x) against one-hot t',
    points: 1,
    hint: 'Return crossEntropyError(this.predict(x), t) with src’s crossEntropyError, not the mean squared error.',
    covers: ['loss is crossEntropyError(predict(x), t) for one-hot t (N, O): a number'],
  },
  () => {
    forAll(
      [two.caseArb],
      (c) => {
        const expected = crossEntropyError(forward(c.p, c.x).y, c.t);
        const loss = asNumber(netFor(c).loss(c.x, c.t), 'net.loss');
        expectClose(loss, expected, two.LOSS, 'net.loss(x, t)');
      },
      two.showCase,
    );
  },
);

law(
  'accuracy',
  {
    name: 'accuracy is the fraction of rows whose argmax matches, for one-hot and label t alike',
    points: 1,
    hint: 'Take argmax of each row of predict(x); turn a one-hot t into labels with argmax too (a 1-D t already holds labels); divide the matches by N.',
    covers: [
      'accuracy is the fraction of rows whose argmax of y matches the answer',
      't is one-hot (N, O) or labels (N)',
      'argmax takes the first of them',
    ],
  },
  () => {
    // some rows get the net's own answer, so the accuracy spreads over 0..1 instead of ≈ 1/O
    const agreeArb = fc.array(fc.boolean(), { minLength: 5, maxLength: 5 });
    forAll(
      [two.accuracyCaseArb, agreeArb],
      (c, agree) => {
        const { labels, hits, tied, firsts } = two.answers(c, agree);
        for (const t of [oneHot(labels, c.dims[2]), labels]) {
          const acc = asNumber(netFor(c).accuracy(c.x, t), 'net.accuracy');
          const what = `net.accuracy(x, ${t.ndim === 1 ? 'labels' : 'one-hot t'}), ${hits} right,`;
          expectClose(acc, hits / c.dims[3], two.FRACTION, what);
        }
        // every row ties when W2 = 0 and b2 = 0, and argmax takes the first: class 0
        const acc = asNumber(netFor(tied).accuracy(c.x, labels), 'net.accuracy');
        expectClose(acc, firsts / c.dims[3], two.FRACTION, 'net.accuracy(x, labels), all tied,');
      },
      (c, agree) => `${two.showCase(c)}, rows given the net's answer: ${agree.slice(0, c.dims[3])}`,
    );
  },
);

law(
  'numeric',
  {
    name: 'numericalGradient is the central-difference gradient of loss, within its derived error',
    points: 2,
    hint: 'Pass () => this.loss(x, t) and the params arrays themselves (not copies) to src’s numericalGradient, which perturbs them in place and restores them.',
    covers: ["with src's numericalGradient through the closure () => this.loss(x, t)"],
  },
  () => {
    forAll(
      [two.caseArb],
      (c) => {
        const net = netFor(c);
        const grads = net.numericalGradient(c.x, c.t);
        const expected = exactGradient(c.p, c.x, c.t, two.DELTA);
        two.expectParamsClose(grads, expected, two.NUMERIC, c.dims, 'net.numericalGradient(x, t)');
      },
      two.showCase,
    );
  },
);

law(
  'backprop',
  {
    name: 'gradient is the book’s backpropagation, to rounding',
    points: 2,
    hint: 'dy = (y − t)/N; dW2 = z1ᵀ·dy; db2 = Σ over rows of dy; dz1 = sigmoidGrad(a1) ⊙ (dy·W2ᵀ); dW1 = xᵀ·dz1; db1 = Σ over rows of dz1. Compare with numericalGradient on a tiny net to find the one that is off.',
    covers: ['with dy = (y − t) / N', 'dz1 = sigmoidGrad(a1) ⊙ (dy·W2ᵀ), dW1 = xᵀ·dz1'],
  },
  () => {
    forAll(
      [two.caseArb],
      (c) => {
        const [grads, tol] = [netFor(c).gradient(c.x, c.t), two.gradientTolerance(c)];
        const expected = exactGradient(c.p, c.x, c.t, 0);
        two.expectParamsClose(grads, expected, tol, c.dims, 'net.gradient(x, t)');
      },
      two.showCase,
    );
  },
);

law(
  'fresh',
  {
    name: 'both gradients return new arrays, and a later call never changes an earlier result',
    points: 1,
    hint: 'Return a new { W1, b1, W2, b2 } of new arrays on every call: never this.params, nor arrays kept from an earlier call.',
    covers: [
      'Both gradients return new arrays in a new { W1, b1, W2, b2 }',
      'a later call never changes an earlier result',
    ],
  },
  () => {
    const show = ([c, d]: two.Case[]) => `${two.showCase(c)}; then x = ${d.x}, t = ${d.t}`;
    forAll([two.pairArb], ([c, d]) => expectFresh(netFor(c), c, d), show);
  },
);

law(
  'pure',
  {
    name: 'no method changes x or t, and only numericalGradient moves the params, putting each back',
    points: 1,
    hint: 'Build new arrays for every intermediate result; never write into x, t or this.params (numericalGradient restores what it perturbs).',
    covers: ['No method changes x or t', 'putting each back', 'leaves the params as they were'],
  },
  () => {
    forAll([two.caseArb], (c) => expectPure(netFor(c), c), two.showCase);
  },
);
