// Cases, tolerances and readers for the laws of 06's TwoLayerNet. A case is a small net's
// params with an input batch; its tolerances are derived from the sizes and bounds below.
import fc from 'fast-check';
import { argmax, createRng, map, NDArray, type Rng } from '../../src/index.ts';
import { labelsArb, matrixArb, oneHot } from './arbitraries.ts';
import { asArray, expectClose, expectIdentical, type Tolerance } from './close.ts';
import { forward, gradientMagnitudes, KEYS, type Key, type TrustedParams } from './trusted-net.ts';

export const DELTA = 1e-7; // the book's δ inside log(y + δ)
export const SMALL_STD = 0.01; // the book's default weightInitStd
export const LARGE_STD = 0.5; // a second scale: a hard-coded 0.01 cannot pass both
export const POOL_NETS = 10; // 10 nets of (30, 20, 10): 6000 W1 and 2000 W2 draws ≥ MIN_POOL
export const SIZES = [
  [784, 50, 10],
  [2, 3, 4],
  [1, 1, 2],
]; // the book's, a small, the smallest
// W/σ for two σ from one stream: each is rounded twice (·σ, /σ), so they agree within 2ε
export const SCALED: Tolerance = { abs: 0, rel: 2 * Number.EPSILON };
export const EXACT: Tolerance = { abs: 0, rel: 0 }; // the biases start at exactly 0
// hits/N is one rounding; hits·(1/N) two, a sum of N shares 1/N at most N + 1 ≤ 6 of ε/2
export const FRACTION: Tolerance = { abs: 0, rel: 3 * Number.EPSILON };

export type Case = { x: NDArray; labels: NDArray; t: NDArray; p: TrustedParams; dims: number[] };
export type Dims = [i: number, h: number, o: number, n: number];

const EPS = Number.EPSILON;

// I ≤ 6, H ≤ 5, O ≤ 4, N ≤ 5 keep each numerical gradient to ≤ 59 parameters; O ≥ 2 gives
// the softmax a choice
export const dimsArb: fc.Arbitrary<Dims> = fc.tuple(
  fc.integer({ min: 1, max: 6 }),
  fc.integer({ min: 1, max: 5 }),
  fc.integer({ min: 2, max: 4 }),
  fc.integer({ min: 1, max: 5 }),
);

const vector = (m: NDArray) => new NDArray(m.data, [m.size]);

/** A case of the given sizes: every value in [−1, 1], as MNIST's pixels lie in [0, 1]. */
export function caseOfArb([i, h, o, n]: Dims): fc.Arbitrary<Case> {
  return fc
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
      p: { W1, b1: vector(b1), W2, b2: vector(b2) },
      dims: [i, h, o, n],
    }));
}
export const caseArb = dimsArb.chain(caseOfArb);
/** Two batches for one net's sizes: a later call on the second must not touch the first. */
export const pairArb = dimsArb.chain((d) => fc.tuple(caseOfArb(d), caseOfArb(d)));
const sizeArb = fc.integer({ min: 1, max: 6 }); // any size; ≤ 6 keeps it quick
export const sizesArb = fc.tuple(sizeArb, sizeArb, sizeArb);

// Rounding, with u = ε/2 and every |value| ≤ 1 at these sizes: a1 sums ≤ 7 terms, so it is
// within 7u·7 ≈ 25ε; σ' ≤ 1/4 puts z1 within 7ε, and z1·W2 + b2 (≤ 6 terms) within 55ε; so
// each softmax probability is within 2·55ε + (O + 3)u ≈ 115ε relative. Two honest forward
// passes, the student's and the grader's, differ by twice that.
export const PREDICT: Tolerance = { abs: 0, rel: 230 * EPS };
// −log(y_t + δ) inherits the 115ε, and log and the mean over ≤ 5 rows of values ≤ 13 add
// ≈ 40ε: each honest loss lies within 155ε of the exact one, two within twice that
export const LOSS: Tolerance = { abs: 310 * EPS, rel: 0 };
// Every gradient entry is a sum of products whose factors carry ≤ 150ε relative (the 115ε of
// dy, σ' within 28ε, the sums over ≤ 5 rows): each honest computation lies within 150ε·M of
// the exact value, M the same sums taken over magnitudes (gradientMagnitudes); two, 2× that.
const GRADIENT_UNITS = 2 * 150;
export function gradientTolerance(c: Case): Record<Key, Tolerance> {
  const m = gradientMagnitudes(c.p, c.x, c.t);
  const bound = (k: Key) => ({ abs: m[k].data.map((v) => GRADIENT_UNITS * EPS * v), rel: 0 });
  return { W1: bound('W1'), b1: bound('b1'), W2: bound('W2'), b2: bound('b2') };
}
const H = 1e-4; // src's central-difference step
// numericalGradient, h = 1e-4: truncation h²/6·|∂³L|, with |∂³L| ≤ 0.5 along every param
// here (≤ 0.1 along W2 and b2, the softmax cross-entropy; ≤ 0.34 along W1 and b1, where
// σ''' ≤ 1/8 and σ'σ'' ≤ 0.024 meet a logit spread ≤ 2); plus the rounding of the two
// losses (≤ 155ε each, as above) over 2h.
export const NUMERIC: Tolerance = { abs: ((H * H) / 6) * 0.5 + (2 * 155 * EPS) / (2 * H), rel: 0 };

export const showCase = (c: Case) =>
  `x = ${c.x}, labels = ${c.labels}, W1 = ${c.p.W1}, b1 = ${c.p.b1}, W2 = ${c.p.W2}, b2 = ${c.p.b2}`;

export const shapesOf = ([i, h, o]: readonly number[]) => ({
  W1: [i, h],
  b1: [h],
  W2: [h, o],
  b2: [o],
});

/** The four arrays of a { W1, b1, W2, b2 } the student returned, checked for their shapes. */
export function readParams(value: unknown, dims: readonly number[], what: string): TrustedParams {
  const shapes = shapesOf(dims);
  const p = value as Record<string, unknown> | undefined;
  const [W1, b1, W2, b2] = KEYS.map((k) => asArray(p?.[k], shapes[k], `${what}.${k}`));
  return { W1, b1, W2, b2 };
}

/** Every array of `actual` close to `expected`'s, each under its own tolerance. */
export function expectParamsClose(
  actual: unknown,
  expected: TrustedParams,
  tol: Record<Key, Tolerance> | Tolerance,
  dims: readonly number[],
  what: string,
): void {
  const got = readParams(actual, dims, what);
  for (const k of KEYS) {
    const t = 'rel' in tol ? (tol as Tolerance) : (tol as Record<Key, Tolerance>)[k];
    expectClose(got[k], expected[k], t, `${what}.${k}`);
  }
}

// Saturated nets for the accuracy law: x in {−1, 0, 1}, W1 in 50·{−2, …, 2} and b1 = 25 put
// every a1 at 50m + 25, so |a1| ≥ 25 and z1 is within 1.4e-11 of 0 or 1; W2 in {−3, …, 3}
// and b2[j] = j/2O then make the logits of a row differ by at least 1/2O − 2e-10 ≥ 0.12.
// No row comes near a tie, so the argmax is the same under any rounding.
export const accuracyCaseArb: fc.Arbitrary<Case> = dimsArb.chain(([i, h, o, n]) => {
  const ints = (rows: number, cols: number, k: number, scale: number) =>
    fc
      .array(fc.integer({ min: -k, max: k }), { minLength: rows * cols, maxLength: rows * cols })
      .map(
        (v) =>
          new NDArray(
            Float64Array.from(v, (e) => e * scale),
            [rows, cols],
          ),
      );
  return fc
    .tuple(ints(n, i, 1, 1), labelsArb(n, o), ints(i, h, 2, 50), ints(h, o, 3, 1))
    .map(([x, labels, W1, W2]) => ({
      x,
      labels,
      t: oneHot(labels, o),
      p: {
        W1,
        b1: new NDArray(new Float64Array(h).fill(25), [h]),
        W2,
        b2: new NDArray(
          Float64Array.from({ length: o }, (_, j) => j / (2 * o)),
          [o],
        ),
      },
      dims: [i, h, o, n],
    }));
});

/** What the laws need of the student's class. */
export type NetClass<N> = new (
  inputSize: number,
  hiddenSize: number,
  outputSize: number,
  weightInitStd?: number,
  rng?: Rng,
) => N;
type NetLike = { params: unknown };

/** The student's net of `dims`, built with `std` and createRng(seed) (or their defaults). */
export function buildNet<N extends NetLike>(
  Net: NetClass<N>,
  dims: readonly number[],
  std?: number,
  seed?: number,
): { net: N; params: TrustedParams } {
  const net = new Net(
    dims[0],
    dims[1],
    dims[2],
    std,
    seed === undefined ? undefined : createRng(seed),
  );
  return { net, params: readParams(net.params, dims, 'params') };
}

/** A student net of the case's sizes whose params hold the case's values. */
export function netFor<N extends NetLike>(Net: NetClass<N>, c: Case, seed: number): N {
  const { net, params } = buildNet(Net, c.dims, 0.01, seed);
  for (const k of KEYS) params[k].data.set(c.p[k].data);
  return net;
}

export const sameParams = (a: TrustedParams, b: TrustedParams) =>
  KEYS.every((k) => a[k].data.every((v, i) => Object.is(v, b[k].data[i])));

export function expectSameParams(a: TrustedParams, b: TrustedParams, what: string): void {
  for (const k of KEYS) expectIdentical(a[k], b[k].data, `${what}: params.${k}`);
}

/** W/σ of each weight matrix: draws of N(0, 1) if the weights are σ·randn. */
export const unitWeights = (p: TrustedParams, std: number) => ({
  W1: map(p.W1, (v) => v / std),
  W2: map(p.W2, (v) => v / std),
});

/**
 * Labels that agree with the net's own answer on the rows `agree` picks, and the hits; and the
 * case with W2 = 0 and b2 = 0, where every row's scores tie, and the rows labelled 0 (`firsts`).
 */
export function answers(c: Case, agree: boolean[]) {
  const guess = argmax(forward(c.p, c.x).y, 1).data;
  const labels = new NDArray(
    c.labels.data.map((v, row) => (agree[row] ? guess[row] : v)),
    c.labels.shape,
  );
  const count = (ok: (v: number, row: number) => boolean) =>
    labels.data.reduce((s, v, row) => s + (ok(v, row) ? 1 : 0), 0);
  const zero = (a: NDArray) => new NDArray(new Float64Array(a.size), a.shape);
  const tied: Case = { ...c, p: { ...c.p, W2: zero(c.p.W2), b2: zero(c.p.b2) } };
  return { labels, hits: count((v, row) => v === guess[row]), tied, firsts: count((v) => v === 0) };
}
