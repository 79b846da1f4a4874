// The probes spec 01's suspects replay through a student's losses: small inputs where the
// right answer and each modelled mistake differ, and the rule that decides when a mistake's
// model reproduces what the code did.
import type { NDArray } from '../../src/index.ts';
import type { Suspect } from '../../grader/suspects.ts';
import { formatNumber } from './format.ts';
import { DELTA, dims, halfSumOfSquares, meanCrossEntropy, nd } from './losses.ts';

export type Loss = (y: NDArray, t: NDArray) => unknown;
/** A probe's inputs, built afresh for every call, and its true classes (cross-entropy). */
export type Probe = { y: () => NDArray; t: () => NDArray; labels: number[]; form: string };
/** What one mistake returns on a probe, and how to say so. */
export type Model = [formula: (y: NDArray) => string, value: (y: NDArray, p: Probe) => number];

export const SAME = 1e-12; // a value recomputed from the same numbers differs only in rounding

export const show = (v: unknown) => (typeof v === 'number' ? formatNumber(v, 10) : String(v));
export const near = (a: unknown, b: number) =>
  typeof a === 'number' && Math.abs(a - b) <= SAME * Math.max(Math.abs(b), 1e-300);
/** The value `call` returned, or undefined if it threw. */
export function answered(call: () => unknown): { value: unknown } | undefined {
  try {
    return { value: call() };
  } catch {
    return undefined;
  }
}

/** Evidence when the model gives f's result on every probe and the right value differs on two. */
export function reproduces(
  f: Loss,
  name: string,
  probes: Probe[],
  [formula, value]: Model,
  right: Model[1],
) {
  const seen = probes.map((p) => ({ p, y: p.y(), result: answered(() => f(p.y(), p.t()))?.value }));
  if (!seen.every(({ p, y, result }) => near(result, value(y, p)))) return;
  const differ = seen.filter(({ p, y, result }) => !near(result, right(y, p)));
  if (differ.length < 2) return;
  const { p, y, result } = differ[0];
  return `on y ${dims(y)} with ${p.form}, your ${name} returned ${show(result)}, which is ${formula(y)}`;
}

// meanSquaredError: probes of 2, 1 and 3 axes, where N, K and the size all differ
export const MSE_PROBES: Probe[] = (
  [
    [
      [0.1, 0.5, 0.9, 0.3, 0.2, 0.7],
      [0, 1, 0, 0, 0, 1],
      [2, 3],
    ],
    [[0.3, -0.2, 0.8, 0.1], [0, 0, 1, 0.5], [4]],
    [
      [1, 0.5, -1, 2, 0, 0.25, 0.75, -0.5],
      [0.5, 0.5, 0, 1, 1, 0, 0, 0],
      [2, 2, 2],
    ],
  ] as const
).map(([y, t, s]) => ({
  y: () => nd(y, s),
  t: () => nd(t, s),
  labels: [],
  form: `t (${s.join(', ')})`,
}));
export const squares = (y: NDArray, p: Probe) => 2 * halfSumOfSquares(y, p.t());
export const firstTerms = (m: number, y: NDArray, t: NDArray) =>
  halfSumOfSquares(nd(y.data.slice(0, m), [m]), nd(t.data.slice(0, m), [m]));

// crossEntropyError: batches (3, 4) and (2, 5), and single samples (4) and (5)
const ROWS: [number[][], number[]][] = [
  [
    [
      [0.1, 0.2, 0.3, 0.4],
      [0.5, 0.25, 0.125, 0.125],
      [0.7, 0.1, 0.1, 0.1],
    ],
    [2, 0, 3],
  ],
  [
    [
      [0.05, 0.15, 0.2, 0.25, 0.35],
      [0.3, 0.3, 0.2, 0.1, 0.1],
    ],
    [2, 3],
  ],
  [[[0.15, 0.45, 0.3, 0.1]], [2]],
  [[[0.2, 0.1, 0.4, 0.2, 0.1]], [0]],
];
export const ceeProbes = (form: 'one-hot t' | 'labels t'): Probe[] =>
  ROWS.map(([rows, labels]) => {
    const shape = rows.length === 1 ? [rows[0].length] : [rows.length, rows[0].length];
    const hot = labels.flatMap((l) => rows[0].map((_, j) => (j === l ? 1 : 0)));
    const t = form === 'one-hot t' ? hot : labels;
    return {
      y: () => nd(rows.flat(), shape),
      t: () => nd(t, form === 'one-hot t' ? shape : [t.length]),
      labels,
      form,
    };
  });
export const right = (y: NDArray, p: Probe) => meanCrossEntropy(y, p.labels);
export const rows = (y: NDArray) => (y.ndim === 1 ? 1 : y.shape[0]);
export const k = (y: NDArray) => y.shape[y.ndim - 1];
/** Σₙ log(y[row(n), tₙ] + δ) over the probe's true classes. */
export const logSum = (y: NDArray, p: Probe, delta = DELTA, row = (n: number) => n) =>
  p.labels.reduce((s, l, n) => s + Math.log(y.data[row(n) * k(y) + l] + delta), 0);

/** The right loss with other labels, picked per row n from y or t. */
export const relabeled =
  (pick: (y: NDArray, p: Probe, n: number) => number) => (y: NDArray, p: Probe) =>
    right(y, { ...p, labels: p.labels.map((_, n) => pick(y, p, n)) });
export const largest = (y: NDArray, _: Probe, n: number) => {
  const row = [...y.data.slice(n * k(y), (n + 1) * k(y))];
  return row.indexOf(Math.max(...row));
};

type Losses = Record<'meanSquaredError' | 'crossEntropyError', Loss>;

/**
 * Makes suspects whose models (formula → value; {N}, {K} and {size} filled in from y) are
 * tried in turn on the probes of one loss, each with the keys of the laws it explains.
 */
export function modelSuspect<Impl extends Losses>(explains: Record<keyof Losses, string[]>) {
  return (
    key: string,
    fn: keyof Losses,
    say: string,
    models: Record<string, Model[1]>,
    forms: ('one-hot t' | 'labels t')[] = ['one-hot t', 'labels t'],
  ): Suspect<Impl> => {
    const mse = fn === 'meanSquaredError';
    const truth = mse ? (y: NDArray, p: Probe) => halfSumOfSquares(y, p.t()) : right;
    const fill = (text: string) => (y: NDArray) =>
      text
        .replace('{N}', `${mse ? y.shape[0] : rows(y)}`)
        .replace('{K}', `${k(y)}`)
        .replace('{size}', `${y.size}`);
    return {
      key,
      explains: explains[fn],
      probe(impl) {
        for (const probes of mse ? [MSE_PROBES] : forms.map(ceeProbes))
          for (const [formula, value] of Object.entries(models)) {
            const found = reproduces(impl[fn], fn, probes, [fill(formula), value], truth);
            if (found) return found;
          }
      },
      say,
    };
  };
}
