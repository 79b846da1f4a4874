// The probes 06's suspects run through a student's TwoLayerNet, and the pieces of the book's
// net they change to model a mistake. A model is named only when the student's output is its
// output, to rounding, on every probe, and the book's output differs on at least one.
import fc from 'fast-check';
import * as np from '../../src/index.ts';
import { NDArray } from '../../src/index.ts';
import { oneHot } from './arbitraries.ts';
import { formatNumber } from './format.ts';
import * as trusted from './trusted-net.ts';
import { forward, KEYS, type Key, type TrustedParams } from './trusted-net.ts';
import * as two from './two-layer.ts';

type Case = two.Case;
export type Model<T> = [text: string, model: (c: Case) => T];
type Net = two.NetClass<StudentNet>;
/** The student's TwoLayerNet, as the 06 header types its members. */
export interface StudentNet {
  params: unknown;
  predict(x: NDArray): unknown;
  loss(x: NDArray, t: NDArray): unknown;
  accuracy(x: NDArray, t: NDArray): unknown;
  gradient(x: NDArray, t: NDArray): unknown;
  numericalGradient(x: NDArray, t: NDArray): unknown;
}

// sizes all different within a probe, so a wrong axis shows in the shape; N ≥ 3 so 1/N shows
const PROBE_DIMS: two.Dims[] = [
  [4, 5, 2, 3],
  [2, 3, 5, 4],
  [3, 2, 4, 5],
];
export const probes = () =>
  PROBE_DIMS.map((d, k) => fc.sample(two.caseOfArb(d), { seed: 60 + k, numRuns: 1 })[0]);
/** Saturated nets, far from a tie in any argmax, with labels right on some rows. */
export const accuracyProbes = () =>
  fc.sample(two.accuracyCaseArb, { seed: 61, numRuns: 4 }).map((c) => {
    const { labels, hits } = two.answers(c, [true, false, true, false, true]);
    return { ...c, labels, t: oneHot(labels, c.dims[2]), hits };
  });
export const netOf = (Net: Net, c: Case) => two.netFor(Net, c, 0);

const SAME = 1e-9; // rounding-level, relative to the largest entry
export function same(a: unknown, b: unknown): boolean {
  if (typeof b === 'number') return typeof a === 'number' && Math.abs(a - b) <= SAME * Math.abs(b);
  if (!(a instanceof NDArray && b instanceof NDArray) || a.shape.join() !== b.shape.join())
    return false;
  const scale = Math.max(...Array.from(b.data, Math.abs), 1e-300);
  return b.data.every((v, i) => Math.abs(a.data[i] - v) <= SAME * scale);
}

/** The first model the student's outputs reproduce on every probe, where the book's differ. */
export function matched<C extends Case, T>(
  cases: C[],
  seen: unknown[],
  book: (c: C) => T,
  models: [string, (c: C) => T | undefined][],
): string | undefined {
  for (const [text, model] of models) {
    const want = cases.map(model);
    if (seen.every((s, i) => same(s, want[i])) && cases.some((c, i) => !same(want[i], book(c))))
      return text;
  }
}

// the book's pieces, for models that change one of them
export const a1Of = (c: Case) => np.add(np.dot(c.x, c.p.W1), c.p.b1);
export const a2Of = (c: Case, z1: NDArray) => np.add(np.dot(z1, c.p.W2), c.p.b2);
export const dyOf = (c: Case) => trusted.outputDelta(forward(c.p, c.x).y, c.t, 0);
export const book = (c: Case) => trusted.exactGradient(c.p, c.x, c.t, 0);
/** Backpropagation from dy·s(N). */
export const scaled = (s: (n: number) => number) => (c: Case) =>
  trusted.backprop(c.p, c.x, np.mul(dyOf(c), s(c.dims[3])));
/** Backpropagation through the hidden layer with the local gradient f(a1, z1). */
export const hidden = (f: (a1: NDArray, z1: NDArray) => NDArray) => (c: Case) =>
  trusted.backprop(c.p, c.x, dyOf(c), f);

/** Evidence that some of the student's gradient arrays are a model's ($ is the param). */
export const gradientLike =
  (models: Model<{ [K in Key]?: NDArray }>[]) =>
  (Net: Net): string | undefined => {
    const cases = probes();
    const grads = cases.map((c) => netOf(Net, c).gradient(c.x, c.t) as Record<string, unknown>);
    const found = KEYS.flatMap((k) => {
      const as = models.map(([t, m]): Model<NDArray | undefined> => [t, (c) => m(c)[k]]);
      const seen = grads.map((g) => g?.[k]);
      const text = matched(cases, seen, (c) => book(c)[k], as);
      return text ? [`d${k} is ${text.replace(/\$/g, k)}`] : [];
    });
    if (found.length) return `on 3 probe nets (N = 3, 4, 5) your ${found.join(', and ')}`;
  };

/** Evidence that predict is one of the models. */
export const predictLike = (models: Model<NDArray>[]) => (Net: Net) => {
  const cases = probes();
  const seen = cases.map((c) => netOf(Net, c).predict(c.x));
  const text = matched(cases, seen, (c) => forward(c.p, c.x).y, models);
  if (text) return `on 3 probe nets your predict(x) is ${text}`;
};

/** Evidence that loss is one of the models. */
export const lossLike = (models: Model<number>[]) => (Net: Net) => {
  const cases = probes();
  const seen = cases.map((c) => netOf(Net, c).loss(c.x, c.t));
  const text = matched(cases, seen, crossEntropy, models);
  if (text) return `on 3 probe nets your loss(x, t) is ${text}`;
};
const yOf = (c: Case) => forward(c.p, c.x).y;
const crossEntropy = (c: Case) => np.crossEntropyError(yOf(c), c.t);
const squares = (c: Case) => 0.5 * np.sum(np.map(np.sub(yOf(c), c.t), (v) => v * v));
// −log(y_t) − (−log(y_t + δ)), the book's δ = 1e-7 left out, averaged over the batch
const withoutDelta = (c: Case) =>
  np.sum(np.map(np.mul(yOf(c), c.t), (v) => (v ? Math.log(v + 1e-7) - Math.log(v) : 0)));
export const LOSS_MODELS: Model<number>[] = [
  ['0.5·Σ(y − t)², the sum of squared errors', squares],
  ['0.5·Σ(y − t)² / N, a mean squared error', (c) => squares(c) / c.dims[3]],
  [
    'N times the cross-entropy: a sum over the batch, not its mean',
    (c) => crossEntropy(c) * c.dims[3],
  ],
  [
    '−mean log(y_t), without the 1e-7 in the log',
    (c) => crossEntropy(c) + withoutDelta(c) / c.dims[3],
  ],
  ['crossEntropyError(t, y), its arguments swapped', (c) => np.crossEntropyError(c.t, yOf(c))],
];

type AccuracyCase = ReturnType<typeof accuracyProbes>[number];
/** Evidence that accuracy, given t in one of its forms, is one of the models. */
export const accuracyLike =
  (form: 't' | 'labels', models: [string, (c: AccuracyCase) => number][]) => (Net: Net) => {
    const cases = accuracyProbes();
    const seen = cases.map((c) => netOf(Net, c).accuracy(c.x, c[form]));
    const text = matched(cases, seen, (c) => c.hits / c.dims[3], models);
    if (text) return `with ${form === 't' ? 'one-hot t' : 'labels'} your accuracy is ${text}`;
  };
/** The matches of the net's answers against the flat one-hot array t.data, read as labels. */
export const flatMatches = (c: AccuracyCase) =>
  np.argmax(yOf(c), 1).data.reduce((s, g, n) => s + (g === c.t.data[n] ? 1 : 0), 0);

/** The spread of 3200 weights of two nets of (30, 20, 10) built with weightInitStd = std. */
export function spread(Net: Net, std: number): { sd: number; beyond: number; n: number } {
  const w: number[] = [];
  for (const seed of [1, 2]) {
    const { params } = two.buildNet(Net, [30, 20, 10], std, seed);
    w.push(...params.W1.data, ...params.W2.data);
  }
  const mean = w.reduce((s, v) => s + v, 0) / w.length;
  const sd = Math.sqrt(w.reduce((s, v) => s + (v - mean) ** 2, 0) / w.length);
  const beyond = w.reduce((s, v) => s + (Math.abs(v - mean) > 2 * sd ? 1 : 0), 0);
  return { sd, beyond, n: w.length };
}

/** Where two nets' params first differ, in words, or undefined if they are the same. */
export function firstDifference(a: TrustedParams, b: TrustedParams): string | undefined {
  for (const k of KEYS) {
    const i = a[k].data.findIndex((v, j) => !Object.is(v, b[k].data[j]));
    if (i >= 0)
      return `${k}[${i}] is ${formatNumber(a[k].data[i])} in one and ${formatNumber(b[k].data[i])} in the other`;
  }
}
