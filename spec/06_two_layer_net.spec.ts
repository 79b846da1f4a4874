// Laws of the book's TwoLayerNet (4.5.1): its initialisation, its outputs, and its two
// gradients, each checked against the grader's own analytic gradient (support/trusted-net.ts).
import fc from 'fast-check';
import { argmax, createRng, crossEntropyError, NDArray } from '../src/index.ts';
import { labelsArb, matrixArb, oneHot } from './support/arbitraries.ts';
import { asArray, asNumber, expectClose, type Tolerance } from './support/close.ts';
import { formatNumber } from './support/format.ts';
import { LAW_TIME_LIMIT_MS } from '../grader/sandbox/guard.ts';
import { exercise, forAll, settings, type LawDeclaration } from '../grader/harness.ts';
import { fail } from '../grader/law-error.ts';
import { expectStandardNormal } from './support/normal-sample.ts';
import { exactGradient, forward, type TrustedParams } from './support/trusted-net.ts';

// the code under test loads last, after the spec's own modules have captured pristine built-ins
const {
  law: register,
  impl: { TwoLayerNet },
} = await exercise(
  {
    id: '06_two_layer_net',
    title: 'A two-layer network',
    book: '4.5.1',
    exports: ['TwoLayerNet'],
  },
  () => import('@impl/06_two_layer_net'),
);
// the numerical-gradient laws cost ~1 ms a case; the guard's limit grows with FC_NUM_RUNS so
// an instructor's long run is not cut short (100 cases per property is the default)
const law = (key: string, declaration: LawDeclaration, body: () => void) =>
  register(key, declaration, body, LAW_TIME_LIMIT_MS * Math.max(1, settings.numRuns / 100));

const KEYS = ['W1', 'b1', 'W2', 'b2'] as const;
const DELTA = 1e-7; // the book's δ inside log(y + δ)
const H = 1e-4; // src's central-difference step
// a forward pass of ≤ 6-term sums, exp and one division: ≲ 20ε relative on each probability
const FORWARD: Tolerance = { abs: 1e-14, rel: 1e-12 };
// logits |a2| ≤ H·1 + 1 ≤ 6 move log-softmax by ≲ 20ε·6 ≈ 3e-14; the loss is ≤ ~7
const LOSS: Tolerance = { abs: 1e-12, rel: 1e-12 };
// A gradient check as CS231n's: |a − b| ≤ max(rel·max(|a|, |b|), floor).
// numericalGradient: the central difference's truncation h²/6·|∂³L| and the rounding of L.
// With |x|, |W2| ≤ 1, ∂³L is ≤ 0.1 along W2 and b2 (softmax cross-entropy) and ≤ 0.34 along
// W1 and b1 (σ''' ≤ 1/8 and σ'σ'' ≤ 0.024 times the logits' spread ≤ 2); so ≤ 0.5, and
// h²/6·0.5 = 8.3e-10. L ≤ 7 is rounded to ≲ 20ε·7 ≈ 3e-14 per call, /2h → 3e-10.
const NUMERIC = { rel: 1e-7, floor: (H * H * 0.5) / 6 + 3e-10 };
// gradient vs the same formula computed by the grader: sums of ≤ 30 terms of size ≤ 1 round
// to ≲ 30ε ≈ 7e-15; rel 1e-10 sees any factor or sign, the floor covers cancellation
const BACKPROP = { rel: 1e-10, floor: 1e-13 };
const POOL_NETS = 10; // 10 nets of (30, 20, 10): 6000 draws of W1 and 2000 of W2 ≥ MIN_POOL
const SMALL_STD = 0.01; // the book's default weightInitStd
const LARGE_STD = 0.5; // a second scale: a hard-coded 0.01 cannot pass both

type Case = { x: NDArray; labels: NDArray; t: NDArray; p: TrustedParams; dims: number[] };

// I ≤ 6, H ≤ 5, O ≤ 4, N ≤ 5 keeps each numerical gradient to ≤ 59 parameters; |values| ≤ 1
// (MNIST pixels lie in [0, 1]) bounds the third derivatives used in NUMERIC
const caseArb: fc.Arbitrary<Case> = fc
  .tuple(
    fc.integer({ min: 1, max: 6 }),
    fc.integer({ min: 1, max: 5 }),
    fc.integer({ min: 2, max: 4 }),
    fc.integer({ min: 1, max: 5 }),
  )
  .chain(([i, h, o, n]) =>
    fc
      .tuple(
        matrixArb(n, i, -1, 1),
        labelsArb(n, o),
        matrixArb(i, h, -1, 1),
        matrixArb(1, h, -1, 1),
        matrixArb(h, o, -1, 1),
        matrixArb(1, o, -1, 1),
      )
      .map(([x, labels, W1, b1, W2, b2]) => ({
        x,
        labels,
        t: oneHot(labels, o),
        p: { W1, b1: new NDArray(b1.data, [h]), W2, b2: new NDArray(b2.data, [o]) },
        dims: [i, h, o, n],
      })),
  );
const showCase = (c: Case) =>
  `x = ${c.x}, labels = ${c.labels}, W1 = ${c.p.W1}, b1 = ${c.p.b1}, W2 = ${c.p.W2}, b2 = ${c.p.b2}`;

function paramsOf(net: InstanceType<typeof TwoLayerNet>, [i, h, o]: number[]): TrustedParams {
  const shapes = { W1: [i, h], b1: [h], W2: [h, o], b2: [o] };
  const p = net.params as Record<string, unknown>;
  const [W1, b1, W2, b2] = KEYS.map((k) => asArray(p?.[k], shapes[k], `params.${k}`));
  return { W1, b1, W2, b2 };
}

/** A student net of the case's sizes whose params hold the case's values. */
function netFor(c: Case): InstanceType<typeof TwoLayerNet> {
  const [i, h, o] = c.dims;
  const net = new TwoLayerNet(i, h, o, SMALL_STD, createRng(settings.seed));
  const p = paramsOf(net, c.dims);
  for (const k of KEYS) p[k].data.set(c.p[k].data);
  return net;
}

function gradientCheck(
  grads: unknown,
  expected: TrustedParams,
  allowed: (k: (typeof KEYS)[number], i: number) => number,
  what: string,
): void {
  const g = grads as Record<string, unknown>;
  for (const k of KEYS) {
    const a = asArray(g?.[k], expected[k].shape, `${what}.${k}`).data;
    const b = expected[k].data;
    for (let i = 0; i < b.length; i++) {
      const err = Math.abs(a[i] - b[i]);
      if (!(err <= allowed(k, i))) {
        const rel = err / Math.max(Math.abs(a[i]), Math.abs(b[i]));
        fail(
          `${what}.${k}, flat index ${i}: got ${formatNumber(a[i])}, the exact gradient is ` +
            `${formatNumber(b[i])} (relative error ${formatNumber(rel)}, allowed ${formatNumber(allowed(k, i))} absolute)`,
        );
      }
    }
  }
}
const within = (bound: { rel: number; floor: number }, e: TrustedParams, a?: unknown) => {
  const g = a as Record<string, NDArray> | undefined;
  return (k: (typeof KEYS)[number], i: number) =>
    Math.max(
      bound.rel * Math.max(Math.abs(e[k].data[i]), Math.abs(g?.[k]?.data[i] ?? 0)),
      bound.floor,
    );
};

law(
  'init_shapes',
  {
    name: 'params have the shapes W1 (I, H), b1 (H), W2 (H, O), b2 (O), and the biases start at 0',
    points: 1,
    hint: 'W1 is (inputSize, hiddenSize), W2 is (hiddenSize, outputSize); b1 and b2 are zeros of hiddenSize and outputSize (book 4.5.1).',
  },
  () => {
    for (const dims of [
      [784, 50, 10],
      [2, 3, 4],
      [1, 1, 2],
    ]) {
      const p = paramsOf(
        new TwoLayerNet(dims[0], dims[1], dims[2], SMALL_STD, createRng(settings.seed)),
        dims,
      );
      for (const k of ['b1', 'b2'] as const) {
        const at = p[k].data.findIndex((v) => v !== 0);
        if (at >= 0)
          fail(
            `params.${k}[${at}] is ${formatNumber(p[k].data[at])} for sizes (${dims.join(', ')}): the biases start at 0`,
          );
      }
    }
  },
);

law(
  'init_normal',
  {
    name: 'weights are drawn from N(0, weightInitStd²), with 0.01 by default: pooled over 10 nets they fit',
    points: 2,
    hint: 'Each weight is weightInitStd * randn(shape, rng): normal, not uniform, and scaled by the weightInitStd you are given (0.01 when omitted).',
  },
  () => {
    const pools: Record<'W1' | 'W2', number[]> = { W1: [], W2: [] };
    for (let k = 0; k < POOL_NETS; k++) {
      const rng = createRng(settings.seed * POOL_NETS + k);
      // even nets take the default scale, odd ones pass LARGE_STD; each draw is divided by its σ
      const std = k % 2 === 0 ? SMALL_STD : LARGE_STD;
      const net =
        k % 2 === 0
          ? new TwoLayerNet(30, 20, 10, undefined, rng)
          : new TwoLayerNet(30, 20, 10, std, rng);
      const p = paramsOf(net, [30, 20, 10]);
      for (const w of ['W1', 'W2'] as const) for (const v of p[w].data) pools[w].push(v / std);
    }
    for (const w of ['W1', 'W2'] as const) {
      expectStandardNormal(
        pools[w],
        `${w}/weightInitStd over ${POOL_NETS} nets of sizes (30, 20, 10), with σ = 0.01 (the default) and σ = 0.5`,
      );
    }
  },
);

law(
  'seeded',
  {
    name: 'the same rng seed gives the same params, and different seeds give different ones',
    points: 1,
    hint: 'Draw every weight from the rng the constructor receives; when none is given, use createRng with a fixed seed.',
  },
  () => {
    const build = (seed?: number) =>
      paramsOf(
        new TwoLayerNet(4, 3, 2, SMALL_STD, seed === undefined ? undefined : createRng(seed)),
        [4, 3, 2],
      );
    const same = (a: TrustedParams, b: TrustedParams) =>
      KEYS.every((k) => a[k].data.every((v, i) => Object.is(v, b[k].data[i])));
    const [s, s2] = [settings.seed, settings.seed + 1];
    if (!same(build(s), build(s)))
      fail(
        `two nets built with createRng(${s}) differ: draw every weight from the rng you are given`,
      );
    if (same(build(s), build(s2)))
      fail(`createRng(${s}) and createRng(${s2}) give the same params: is the rng ignored?`);
    if (!same(build(), build()))
      fail('two nets built without an rng differ: use a fixed default seed');
  },
);

law(
  'predict',
  {
    name: 'predict is softmax(sigmoid(x·W1 + b1)·W2 + b2): one probability row per sample',
    points: 1,
    hint: 'a1 = x·W1 + b1, z1 = sigmoid(a1), a2 = z1·W2 + b2, y = softmax(a2): the softmax makes each row sum to 1.',
  },
  () => {
    forAll(
      [caseArb],
      (c) => {
        const [, , o, n] = c.dims;
        const y = asArray(netFor(c).predict(c.x), [n, o], 'net.predict(x)');
        for (let row = 0; row < n; row++) {
          const r = y.data.subarray(row * o, row * o + o);
          const total = r.reduce((a, b) => a + b, 0);
          if (!r.every((v) => v >= 0 && v <= 1) || !(Math.abs(total - 1) <= 1e-12)) {
            fail(
              `row ${row} of net.predict(x) is [${[...r].map(formatNumber).join(', ')}], which is not a probability vector (sum ${formatNumber(total)})`,
            );
          }
        }
        expectClose(y, forward(c.p, c.x).y, FORWARD, 'net.predict(x)');
      },
      showCase,
    );
  },
);

law(
  'loss',
  {
    name: 'loss is the cross-entropy of predict(x) against one-hot t',
    points: 1,
    hint: 'Return crossEntropyError(this.predict(x), t) with src’s crossEntropyError, not the mean squared error.',
  },
  () => {
    forAll(
      [caseArb],
      (c) => {
        const expected = crossEntropyError(forward(c.p, c.x).y, c.t);
        expectClose(
          asNumber(netFor(c).loss(c.x, c.t), 'net.loss'),
          expected,
          LOSS,
          'net.loss(x, t)',
        );
      },
      showCase,
    );
  },
);

law(
  'accuracy',
  {
    name: 'accuracy is the fraction of rows whose argmax matches, for one-hot and label t alike',
    points: 1,
    hint: 'Take argmax of each row of predict(x); turn a one-hot t into labels with argmax too (a 1-D t already holds labels); divide the matches by N.',
  },
  () => {
    // some rows get the net's own answer, so the accuracy spreads over 0..1 instead of ≈ 1/O
    const accuracyArb = fc.tuple(caseArb, fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }));
    forAll(
      [accuracyArb],
      ([c, agree]) => {
        const { y } = forward(c.p, c.x);
        const [, , o, n] = c.dims;
        // a near-tie would make the answer depend on rounding, not on the law
        for (let row = 0; row < n; row++) {
          const r = [...y.data.subarray(row * o, row * o + o)].sort((a, b) => b - a);
          fc.pre(r[0] - r[1] > 1e-9);
        }
        const guess = argmax(y, 1);
        const labels = new NDArray(
          c.labels.data.map((v, row) => (agree[row] ? guess.data[row] : v)),
          [n],
        );
        const hits = labels.data.filter((v, row) => v === guess.data[row]).length;
        const net = netFor(c);
        const exact: Tolerance = { abs: 1e-15, rel: 0 }; // a count over N: one division
        expectClose(
          asNumber(net.accuracy(c.x, oneHot(labels, o)), 'net.accuracy'),
          hits / n,
          exact,
          'net.accuracy(x, one-hot t)',
        );
        expectClose(
          asNumber(net.accuracy(c.x, labels), 'net.accuracy'),
          hits / n,
          exact,
          'net.accuracy(x, labels)',
        );
      },
      ([c, agree]) =>
        `${showCase(c)}, rows given the net's own answer: ${agree.slice(0, c.dims[3])}`,
    );
  },
);

law(
  'numeric',
  {
    name: 'numericalGradient passes a gradient check against the exact gradient of loss',
    points: 2,
    hint: 'Pass () => this.loss(x, t) and the params arrays themselves (not copies) to src’s numericalGradient, which perturbs them in place.',
  },
  () => {
    forAll(
      [caseArb],
      (c) => {
        const net = netFor(c);
        const grads = net.numericalGradient(c.x, c.t);
        const expected = exactGradient(c.p, c.x, c.t, DELTA);
        gradientCheck(
          grads,
          expected,
          within(NUMERIC, expected, grads),
          'net.numericalGradient(x, t)',
        );
        const p = paramsOf(net, c.dims);
        for (const k of KEYS) {
          if (!p[k].data.every((v, i) => Object.is(v, c.p[k].data[i])))
            fail(
              `params.${k} changed during numericalGradient: restore each value after perturbing it`,
            );
        }
      },
      showCase,
    );
  },
);

law(
  'backprop',
  {
    name: 'gradient passes a gradient check against the backpropagation of the book',
    points: 2,
    hint: 'dy = (y − t)/N; dW2 = z1ᵀ·dy; db2 = Σ over rows of dy; dz1 = sigmoidGrad(a1) ⊙ (dy·W2ᵀ); dW1 = xᵀ·dz1; db1 = Σ over rows of dz1.',
  },
  () => {
    forAll(
      [caseArb],
      (c) => {
        const expected = exactGradient(c.p, c.x, c.t, 0);
        const grads = netFor(c).gradient(c.x, c.t);
        gradientCheck(grads, expected, within(BACKPROP, expected, grads), 'net.gradient(x, t)');
      },
      showCase,
    );
  },
);

law(
  'agree',
  {
    name: 'gradient and numericalGradient agree within the derived bound, the book gradient check',
    points: 1,
    hint: 'Both methods compute the same gradient; compare them entry by entry on a tiny net to find which one is off (book 4.5.1, 5.7).',
  },
  () => {
    forAll(
      [caseArb],
      (c) => {
        const net = netFor(c);
        const numeric = net.numericalGradient(c.x, c.t);
        const backprop = net.gradient(c.x, c.t);
        // the two differ by the numeric error, the backprop error, and δ's effect on the loss
        const withDelta = exactGradient(c.p, c.x, c.t, DELTA);
        const withoutDelta = exactGradient(c.p, c.x, c.t, 0);
        const numericBound = within(NUMERIC, withDelta, numeric);
        const backpropBound = within(BACKPROP, withoutDelta, backprop);
        const allowed = (k: (typeof KEYS)[number], i: number) =>
          numericBound(k, i) +
          backpropBound(k, i) +
          Math.abs(withDelta[k].data[i] - withoutDelta[k].data[i]);
        const asExpected = Object.fromEntries(
          KEYS.map((k) => [
            k,
            asArray(
              (numeric as Record<string, unknown>)?.[k],
              withDelta[k].shape,
              `net.numericalGradient(x, t).${k}`,
            ),
          ]),
        );
        gradientCheck(
          backprop,
          asExpected as TrustedParams,
          allowed,
          'net.gradient(x, t) against net.numericalGradient(x, t)',
        );
      },
      showCase,
    );
  },
);

law(
  'batch_mean',
  {
    name: 'gradients are batch means: duplicating the batch leaves gradient unchanged',
    points: 1,
    hint: 'The loss is a mean over the batch, so its gradient carries 1/N: divide y − t by the batch size x.shape[0], once.',
  },
  () => {
    forAll(
      [caseArb],
      (c) => {
        const twice = (a: NDArray) =>
          new NDArray(Float64Array.from([...a.data, ...a.data]), [2 * a.shape[0], a.shape[1]]);
        const net = netFor(c);
        const once = net.gradient(c.x, c.t) as unknown as TrustedParams;
        const doubled = net.gradient(twice(c.x), twice(c.t));
        const expected = Object.fromEntries(
          KEYS.map((k) => [k, asArray(once?.[k], c.p[k].shape, `net.gradient(x, t).${k}`)]),
        );
        gradientCheck(
          doubled,
          expected as TrustedParams,
          within(BACKPROP, expected as TrustedParams, doubled),
          'net.gradient of the batch stacked twice',
        );
      },
      showCase,
    );
  },
);
