// The checks behind 07's laws, on a run of the student's loop over the spy network: each
// compares what the loop recorded with what the spy answers for the parameters and data the
// loop used, so no check counts calls the header does not fix.
import { fail } from '../../grader/law-error.ts';
import { expectClose } from './close.ts';
import { formatNumber } from './format.ts';
import { accuracyOf, lossOf, rowsOf, type SpyCall } from './spy-network.ts';
import {
  iterPerEpoch,
  observe,
  recordedAt,
  sameData,
  type Observed,
  type Run,
  type Train,
} from './train-run.ts';

/** A run read back into iterations; fails unless there are itersNum of them. */
export function spyRun(train: Train, run: Run, seed: number, onEpoch?: (e: unknown) => void) {
  const seen = observe(train, run, seed, onEpoch);
  if (seen.iterations.length !== run.itersNum)
    fail(
      `network.gradient was called ${seen.gradients.length} times, at ${seen.iterations.length} ` +
        `different parameter values, for itersNum = ${run.itersNum}: each iteration takes one ` +
        `batch's gradient, then moves the parameters`,
    );
  return seen;
}

export function listOf(result: unknown, key: string, length: number, why = ''): number[] {
  const value = (result as Record<string, unknown> | undefined)?.[key];
  if (!Array.isArray(value)) fail(`the result's ${key} should be an array, got ${String(value)}`);
  if (value.length !== length)
    fail(`the result's ${key} has ${value.length} entries, expected ${length}${why}`);
  return value as number[];
}

/** Every batch the gradient saw: batchSize rows of the training set, x and t of one row. */
export function expectBatches({ gradients, data }: Observed, run: Run): void {
  if (gradients.length < run.itersNum)
    fail(`network.gradient was called ${gradients.length} times for itersNum = ${run.itersNum}`);
  const shapes = [data.xTrain, data.tTrain].map((a) => [run.batchSize, ...a.shape.slice(1)]);
  gradients.forEach(({ x, t }, call) => {
    if (x.shape.join() !== shapes[0].join() || t.shape.join() !== shapes[1].join())
      fail(
        `the batch of gradient call ${call} has x (${x.shape.join(', ')}) and t ` +
          `(${t.shape.join(', ')}); expected (${shapes[0].join(', ')}) and (${shapes[1].join(', ')})`,
      );
    for (let n = 0; n < run.batchSize; n++) {
      const rows = rowsOf(x, t, n);
      if (rows.x === undefined || rows.x >= run.trainSize || rows.x !== rows.t)
        fail(
          `row ${n} of the batch of gradient call ${call} pairs x of training row ` +
            `${rows.x ?? 'none'} with t of row ${rows.t ?? 'none'}: take both from one row`,
        );
    }
  });
}

/** In place, and p − lr·g after each iteration, to rounding. */
export function expectUpdates({ net, iterations, after }: Observed, run: Run): void {
  for (const key of Object.keys(net.original))
    if (net.params[key] !== net.original[key])
      fail(`network.params.${key} was replaced by a new array; update its data in place`);
  iterations.forEach(({ params, grad }, i) => {
    for (const [key, p] of Object.entries(params)) {
      const step = grad[key].map((g) => run.learningRate * g);
      // p − lr·g is two roundings, in any order: within ε·(|p| + |lr·g|)
      const abs = p.map((v, j) => Number.EPSILON * (Math.abs(v) + Math.abs(step[j])));
      const want = [...p.map((v, j) => v - step[j])];
      const what = `params.${key} after the update of iteration ${i}, p − lr·g,`;
      expectClose([...after(i)[key]], want, { abs, rel: 0 }, what);
    }
  });
}

/** trainLossList[i]: the loss of iteration i's batch, after its update. */
export function expectLosses({ iterations, after, result }: Observed, run: Run): void {
  const losses = listOf(result, 'trainLossList', run.itersNum);
  iterations.forEach(({ x, t }, i) => {
    const want = lossOf(after(i), x, t);
    if (losses[i] !== want)
      fail(
        `trainLossList[${i}] is ${losses[i]}, but network.loss on iteration ${i}'s batch ` +
          `after its update gives ${want}`,
      );
  });
}

/** What the loop records at iteration i, as the spy answers after that iteration's update. */
export function recordAt({ data, iterations, after }: Observed, i: number) {
  return {
    iteration: i,
    trainAcc: accuracyOf(after(i), data.xTrain, data.tTrain),
    testAcc: accuracyOf(after(i), data.xTest, data.tTest),
    loss: lossOf(after(i), iterations[i].x, iterations[i].t),
  };
}

/** Accuracies on the whole sets, after the update, exactly when i % iterPerEpoch === 0. */
export function expectEpochs(seen: Observed, run: Run): void {
  const at = recordedAt(run);
  const why = `iterPerEpoch = max(floor(${run.trainSize} / ${run.batchSize}), 1) = ${iterPerEpoch(run)}`;
  const [train, test] = ['trainAccList', 'testAccList'].map((k) =>
    listOf(seen.result, k, at.length, `, with ${why}`),
  );
  at.forEach((i, j) => {
    const want = recordAt(seen, i);
    if (train[j] !== want.trainAcc || test[j] !== want.testAcc)
      fail(
        `record ${j} (iteration ${i}, ${why}) holds trainAcc ${train[j]} and testAcc ${test[j]}; ` +
          `network.accuracy on the whole sets after that update gives ${want.trainAcc} and ${want.testAcc}`,
      );
  });
}

/** onEpoch's records: epoch j, iteration i, and that iteration's accuracies and loss. */
export function expectOnEpoch(seen: Observed, run: Run, records: Record<string, unknown>[]): void {
  const at = recordedAt(run);
  if (records.length !== at.length)
    fail(`onEpoch was called ${records.length} times; expected ${at.length}, once per record`);
  at.forEach((i, j) => {
    for (const [k, v] of Object.entries({ epoch: j, ...recordAt(seen, i) }))
      if (records[j][k] !== v)
        fail(
          `call ${j} of onEpoch has ${k} = ${String(records[j][k])}; expected ${v} (epoch ` +
            `counts the records from 0, iteration is i, the rest are that iteration's values)`,
        );
  });
}

// 1000 batches of 3 from 4 rows, drawn with replacement. Per row, a frequency outside
// 1/4 ± 0.06 has probability ≤ 2·exp(−2·3000·0.06²) ≈ 8e-10 (Hoeffding); a share of batches
// with a repeat outside 1 − (4·3·2)/4³ = 0.625 ± 0.1 has ≤ 2·exp(−2·1000·0.1²) ≈ 4e-9. So a
// correct loop fails with probability < 1e-8; without replacement no batch repeats a row.
export const COVER: Run = {
  trainSize: 4,
  batchSize: 3,
  itersNum: 1000,
  learningRate: 0.5,
  labels: true,
  width: 2,
};

/**
 * Three runs' batches, the last a shorter run of another seed: the seed decides them, and they
 * are uniform over the rows, with repeats.
 */
export function expectSampling(first: SpyCall[], second: SpyCall[], other: SpyCall[]): void {
  const rows = (calls: SpyCall[]) =>
    calls.map(({ x, t }) => [0, 1, 2].map((n) => rowsOf(x, t, n).x ?? -1));
  const [a, b, c] = [rows(first), rows(second), rows(other)];
  const same = (p: number[][], q: number[][]) =>
    p.length === q.length && p.every((batch, i) => sameData(batch, q[i]));
  if (!same(a, b))
    fail(
      'two runs with the same options.rng seed drew different batches: draw them with options.rng.choice',
    );
  if (same(a.slice(0, c.length), c))
    fail(
      'runs given options.rng of two different seeds drew the same batches: draw them with options.rng.choice',
    );
  const draws = a.flat();
  for (let r = 0; r < COVER.trainSize; r++) {
    const share = draws.reduce((s, v) => s + (v === r ? 1 : 0), 0) / draws.length;
    if (!(Math.abs(share - 0.25) <= 0.06))
      fail(
        `row ${r} of 4 made ${formatNumber(share)} of the ${draws.length} draws; uniform sampling gives 0.25 ± 0.06`,
      );
  }
  const repeats = a.reduce((s, batch) => s + (new Set(batch).size < 3 ? 1 : 0), 0) / a.length;
  if (!(Math.abs(repeats - 0.625) <= 0.1))
    fail(
      `${formatNumber(repeats)} of the batches of 3 from 4 rows repeat a row; drawing with replacement gives 0.625 ± 0.1`,
    );
}
