// What a wrong loss does, seen from outside: each suspect runs the student's functions on
// probes of its own making and compares the results with what one mistake would give. It
// names the mistake only when its model reproduces every probe, to rounding, and the right
// answer differs on at least two; or on a direct observation (an input changed, a shape let in).
import type * as Student from '@impl/01_loss_functions';
import type { NDArray } from '../../src/index.ts';
import type { Suspect } from '../../grader/suspects.ts';
import { formatNumber, formatPair } from '../support/format.ts';
import { DELTA, dims, nd } from '../support/losses.ts';
import {
  answered,
  ceeProbes,
  firstTerms,
  k,
  largest,
  logSum,
  modelSuspect,
  MSE_PROBES,
  near,
  relabeled,
  right,
  rows,
  show,
  squares,
} from '../support/loss-probes.ts';

type Impl = typeof Student;
const MSE_LAWS = ['mse_book', 'mse_half_sum', 'mse_refuses'];
const CEE_LAWS = ['cee_book', 'cee_finite', 'batch', 'one_sample', 'cee_refuses', 'one_hot_shape'];

const suspect = modelSuspect<Impl>({ meanSquaredError: MSE_LAWS, crossEntropyError: CEE_LAWS });

export const suspects: Suspect<Impl>[] = [
  suspect(
    'mse_scale',
    'meanSquaredError',
    'the book’s E = ½ Σ (y − t)² halves the sum of squares over every element and divides by nothing else (book 4.2.1)',
    {
      'Σ (y − t)², without the ½': squares,
      'the mean of (y − t)² over the elements': (y, p) => squares(y, p) / y.size,
      '½ Σ (y − t)² divided by y.size = {size}': (y, p) => squares(y, p) / (2 * y.size),
      '½ Σ (y − t)² divided by N = {N}': (y, p) => squares(y, p) / (2 * y.shape[0]),
      'Σ (y − t)² divided by N = {N}': (y, p) => squares(y, p) / y.shape[0],
    },
  ),
  suspect(
    'mse_partial_sum',
    'meanSquaredError',
    'the sum runs over every element, i < y.size: y.data is flat whatever the shape',
    {
      '½ Σ (y − t)² over only its first {N} elements, y.shape[0]': (y, p) =>
        firstTerms(y.shape[0], y, p.t()),
      '½ Σ (y − t)² over only its first {K} elements, one row': (y, p) =>
        firstTerms(k(y), y, p.t()),
    },
  ),
  suspect(
    'cee_divisor',
    'crossEntropyError',
    'the loss is the mean over the N rows, −(1/N) Σₙ log(y[n, tₙ] + δ), and a 1-D y is one row (book 4.2.3)',
    {
      '−Σₙ log(y[n, tₙ] + δ), not divided by N = {N}': (y, p) => -logSum(y, p),
      'the sum divided by y.size = {size}, not by N = {N}': (y, p) => -logSum(y, p) / y.size,
      'the sum divided by K = {K}, not by N = {N}': (y, p) => -logSum(y, p) / k(y),
      'the loss of one sample divided by K = {K}, as if the 1-D y were K rows': (y, p) =>
        right(y, p) / (y.ndim === 1 ? y.size : 1),
    },
  ),
  suspect(
    'cee_sign',
    'crossEntropyError',
    'the log of a probability is ≤ 0, so the loss is minus the mean log: −(1/N) Σₙ log(y[n, tₙ] + δ)',
    {
      '+(1/N) Σₙ log(y[n, tₙ] + δ), without the minus': (y, p) => -right(y, p),
    },
  ),
  suspect(
    'cee_log_base',
    'crossEntropyError',
    'the book’s np.log is the natural logarithm: use Math.log',
    {
      'the loss in base-10 logarithms': (y, p) => right(y, p) / Math.LN10,
      'the loss in base-2 logarithms': (y, p) => right(y, p) / Math.LN2,
    },
  ),
  suspect(
    'delta_not_inside',
    'crossEntropyError',
    'δ goes inside the log, added to y: log(y + δ), so that y = 0 gives −log(1e-7) rather than ∞ (book 4.2.2)',
    {
      '−(1/N) Σₙ log(y[n, tₙ]), with no δ in the log': (y, p) => -logSum(y, p, 0) / rows(y),
      '−(1/N) Σₙ log(y[n, tₙ]) − δ': (y, p) => -logSum(y, p, 0) / rows(y) - DELTA,
      '−(1/N) Σₙ log(y[n, tₙ]) + δ': (y, p) => -logSum(y, p, 0) / rows(y) + DELTA,
    },
  ),
  suspect(
    'wrong_row',
    'crossEntropyError',
    'row n of y starts at y.data[n·K]: its true class is y.data[n·K + tₙ], and every row counts',
    {
      '−(1/N) Σₙ log(y[0, tₙ] + δ), every label read in the first row': (y, p) =>
        -logSum(y, p, DELTA, () => 0) / rows(y),
      '−log(y[0, t₀] + δ), the first row’s loss alone': (y, p) =>
        -Math.log(y.data[p.labels[0]] + DELTA),
    },
  ),
  suspect(
    'argmax_of_y',
    'crossEntropyError',
    'the true class comes from t (the index of the 1 in a one-hot row, or the label itself), never from y',
    {
      'the loss at each row’s largest y, whatever the true class': relabeled(largest),
    },
  ),
  suspect(
    'one_hot_read_as_labels',
    'crossEntropyError',
    'a one-hot t holds 0s and 1s, not labels: the label of row n is the index of its 1',
    {
      'the loss with t’s first entries, 0s and 1s, read as labels': relabeled(
        (_, p, n) => p.t().data[n],
      ),
      'the loss with t[0], a 0 or a 1, read as the label': (y, p) =>
        y.ndim === 1 ? relabeled((_, q) => q.t().data[0])(y, p) : right(y, p),
    },
    ['one-hot t'],
  ),
  {
    key: 'delta_value',
    explains: CEE_LAWS,
    probe(impl) {
      const zero = impl.crossEntropyError(nd([0, 0.5, 0.5], [3]), nd([1, 0, 0], [3]));
      if (typeof zero !== 'number' || !Number.isFinite(zero) || near(zero, -Math.log(DELTA)))
        return;
      const d = Math.exp(-zero);
      const batch = impl.crossEntropyError(
        nd([0, 0.6, 0.4, 0.2, 0.5, 0.3], [2, 3]),
        nd([0, 1], [2]),
      );
      if (!(d > 0 && d < 0.1 && near(batch, -(Math.log(d) + Math.log(0.5 + d)) / 2))) return;
      const delta = formatNumber(d, 4);
      return `where y is 0 at the true class your loss is ${show(zero)} = −log(${delta}), and on y (2, 3) with labels [0, 1] it is ${show(batch)}, as δ = ${delta} gives`;
    },
    say: 'the book’s δ is 1e-7: log(y + 1e-7)',
  },
  {
    key: 'other_shape_answered',
    explains: ['mse_refuses', 'cee_refuses', 'one_hot_shape'],
    probe(impl) {
      const y = () => nd([0.1, 0.2, 0.7, 0.5, 0.3, 0.2], [2, 3]);
      const cases: [keyof Impl, NDArray, NDArray][] = [
        ['meanSquaredError', nd([0.2, 0.8], [2]), nd([0, 1], [2, 1])],
        ['meanSquaredError', y(), nd([0, 0, 1, 1, 0, 0], [3, 2])],
        ['crossEntropyError', y(), nd([0, 0, 1, 1, 0, 0], [3, 2])],
        ['crossEntropyError', y(), nd([2, 0], [2, 1])],
      ];
      for (const [name, a, b] of cases) {
        const got = answered(() => impl[name](a, b));
        // the same function refuses a t of another size, so it does check something
        if (got && !answered(() => impl[name](y(), nd([0, 1, 0, 0, 1, 0, 1, 0], [2, 4]))))
          return `your ${name} refuses y (2, 3) with t (2, 4), yet returned ${show(got.value)} for y ${dims(a)} and t ${dims(b)}, which has the right number of entries in another shape`;
      }
    },
    say: 'one-hot t has y’s whole shape and labels are 1-D, one per row: compare t.shape with y.shape (the book’s t.size === y.size lets a transposed or column t through)',
  },
  {
    key: 'three_axes_answered',
    explains: ['cee_refuses'],
    probe(impl) {
      const y = nd([0.5, 0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.8], [2, 2, 2]);
      const got = answered(() => impl.crossEntropyError(y, nd([1, 0], [2])));
      if (got)
        return `your crossEntropyError returned ${show(got.value)} for y (2, 2, 2) with labels (2)`;
    },
    say: 'y is (K) or (N, K): check y.ndim first and refuse a y of any other number of axes',
  },
  {
    key: 'shapes_not_named',
    explains: ['names_shapes'],
    probe(impl) {
      for (const name of ['meanSquaredError', 'crossEntropyError'] as const) {
        try {
          impl[name](nd([0.2, 0.8, 0.6, 0.4], [2, 2]), nd([0, 1, 0, 1, 0, 0], [2, 3]));
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (!/2\s*[,x×]\s*3/.test(message) || !/2\s*[,x×]\s*2/.test(message))
            return `your ${name}, given y (2, 2) and t (2, 3), threw "${message}"`;
        }
      }
    },
    say: 'a message naming both shapes tells the caller what to fix: `y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`',
  },
  {
    key: 'writes_inputs',
    explains: ['pure'],
    probe(impl) {
      const probes = [...MSE_PROBES, ...ceeProbes('one-hot t'), ...ceeProbes('labels t')];
      for (const p of probes) {
        const name = p.labels.length ? 'crossEntropyError' : 'meanSquaredError';
        const [y, t] = [p.y(), p.t()];
        answered(() => impl[name](y, t));
        for (const [which, now, was] of [
          ['y', y, p.y()],
          ['t', t, p.t()],
        ] as const) {
          if (dims(now) !== dims(was))
            return `your ${name} changed the shape of ${which} from ${dims(was)} to ${dims(now)}`;
          const i = was.data.findIndex((v, j) => !Object.is(v, now.data[j]));
          if (i < 0) continue;
          const [before, after] = formatPair(was.data[i], now.data[i], 0);
          return `your ${name} changed ${which}.data[${i}] from ${before} to ${after}`;
        }
      }
    },
    say: 'a loss only reads y and t: compute into new numbers or arrays, and reshape into a new NDArray rather than in place',
  },
];
