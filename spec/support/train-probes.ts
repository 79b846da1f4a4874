// The probe runs 07's suspects drive a student's loop through, and the models of a loop's
// records they compare with. A model is named only when the loop's records are exactly the
// model's on every probe run, and the book's records differ on at least one.
import { accuracyOf, lossOf, rowsOf, type Snapshot } from './spy-network.ts';
import { iterPerEpoch, observe, type Observed, type Run, type Train } from './train-run.ts';

// not a whole number of batches, several records, one-hot t; then a batch larger than the set
export const PROBE_RUNS: Run[] = [
  { trainSize: 7, batchSize: 3, itersNum: 9, learningRate: 0.3, labels: false, width: 2 },
  { trainSize: 10, batchSize: 2, itersNum: 12, learningRate: 0.05, labels: true, width: 1 },
  { trainSize: 2, batchSize: 5, itersNum: 4, learningRate: 1.5, labels: true, width: 3 },
];
const SEED = 5; // any seed: the probes compare the loop with models of the same run

export interface Probe {
  run: Run;
  seen: Observed;
  list(key: string): unknown[] | undefined;
}

/** The student's loop on each probe run, read back; runs it could not complete are left out. */
export function probeRuns(train: Train): Probe[] {
  return PROBE_RUNS.flatMap((run) => {
    try {
      const seen = observe(train, run, SEED);
      if (seen.iterations.length !== run.itersNum) return [];
      const list = (key: string) => {
        const v = (seen.result as Record<string, unknown> | undefined)?.[key];
        return Array.isArray(v) ? v : undefined;
      };
      return [{ run, seen, list }];
    } catch {
      return [];
    }
  });
}

/** A loop's records as a model computes them from the iterations the spy saw. */
export type Records = (p: Probe) => number[];

/** The first model whose records the student's `key` list equals on every probe. */
export function recordsLike(
  probes: Probe[],
  key: string,
  book: Records,
  models: [string, Records][],
): string | undefined {
  if (probes.length === 0) return;
  const equal = (a: unknown[] | undefined, b: number[]) =>
    a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
  for (const [text, model] of models)
    if (
      probes.every((p) => equal(p.list(key), model(p))) &&
      probes.some((p) => !equal(model(p), book(p)))
    )
      return text;
}

const SAME = 1e-12; // p ± lr·g rounded, in any order, relative to max(1, |p|)
/** The first model every parameter moved by, p to model(p, g, run), in every probe iteration. */
export function updateLike(
  probes: Probe[],
  models: [string, (p: number, g: number, run: Run) => number][],
): string | undefined {
  if (probes.length === 0) return;
  const fits = (model: (p: number, g: number, run: Run) => number) =>
    probes.every(({ run, seen }) =>
      seen.iterations.every(({ params, grad }, i) =>
        Object.entries(params).every(([k, p]) =>
          p.every((v, j) => {
            const want = model(v, grad[k][j], run);
            return Math.abs(seen.after(i)[k][j] - want) <= SAME * Math.max(1, Math.abs(want));
          }),
        ),
      ),
    );
  return models.find(([, model]) => fits(model))?.[0];
}

const after = (p: Probe, i: number): Snapshot => p.seen.after(i);
const before = (p: Probe, i: number): Snapshot => p.seen.iterations[i].params;
const whole = (p: Probe, params: Snapshot, set: 'Train' | 'Test') =>
  accuracyOf(params, p.seen.data[`x${set}`], p.seen.data[`t${set}`]);
const batchOf = (p: Probe, i: number) => p.seen.iterations[i];

/** The iterations i < itersNum at which `every(i)` holds. */
export const when = (p: Probe, every: (i: number) => boolean) =>
  Array.from({ length: p.run.itersNum }, (_, i) => i).flatMap((i) => (every(i) ? [i] : []));
export const bookWhen = (p: Probe) => when(p, (i) => i % iterPerEpoch(p.run) === 0);

/** Train accuracies at the iterations `at` picks, taken on `params` of `set`. */
export const accuracies =
  (at: (p: Probe) => number[], params = after, set: 'Train' | 'Test' | 'batch' = 'Train') =>
  (p: Probe) =>
    at(p).map((i) =>
      set === 'batch'
        ? accuracyOf(params(p, i), batchOf(p, i).x, batchOf(p, i).t)
        : whole(p, params(p, i), set),
    );
export const losses =
  (params = after, data: 'batch' | 'Train' | 'Test' = 'batch') =>
  (p: Probe) =>
    p.seen.iterations.map((it, i) =>
      data === 'batch'
        ? lossOf(params(p, i), it.x, it.t)
        : lossOf(params(p, i), p.seen.data[`x${data}`], p.seen.data[`t${data}`]),
    );
export { after, before };

/** Train accuracies at the iterations where f(i, q) holds, q = trainSize / batchSize unfloored. */
const recordedWhen = (f: (i: number, q: number) => boolean) =>
  accuracies((p) => when(p, (i) => f(i, p.run.trainSize / p.run.batchSize)));
// the iterations other than the book's at which a loop might record its accuracies
export const WHEN_MODELS: [string, Records][] = [
  ['after every iteration', recordedWhen(() => true)],
  [
    'when i % max(trainSize / batchSize, 1) === 0, unfloored',
    recordedWhen((i, q) => i % Math.max(q, 1) === 0),
  ],
  ['when i % (trainSize / batchSize) === 0, unfloored', recordedWhen((i, q) => i % q === 0)],
  [
    'when i % floor(trainSize / batchSize) === 0, never if that is 0',
    recordedWhen((i, q) => i % Math.floor(q) === 0),
  ],
  ['when i % ceil(trainSize / batchSize) === 0', recordedWhen((i, q) => i % Math.ceil(q) === 0)],
  [
    'when (i + 1) % iterPerEpoch === 0, at the end of each epoch',
    recordedWhen((i, q) => (i + 1) % Math.max(Math.floor(q), 1) === 0),
  ],
];

/** The training rows of every batch the gradient saw, as x saw them and as t did. */
export function batchRows(
  seen: Observed,
): { x: (number | undefined)[]; t: (number | undefined)[] }[] {
  return seen.gradients.map(({ x, t }) => {
    const rows = Array.from({ length: x.shape[0] }, (_, n) => rowsOf(x, t, n));
    return { x: rows.map((r) => r.x), t: rows.map((r) => r.t) };
  });
}

/** The batches of one run of 300 iterations on 4 rows, batches of 3. */
export function drawsOf(train: Train, seed: number, trainSize = 4): (number | undefined)[][] {
  const run = { trainSize, batchSize: 3, itersNum: 300, learningRate: 0.1, labels: true, width: 2 };
  return batchRows(observe(train, run, seed)).map((b) => b.x);
}

/** Whether the batches vary at all: a loop that draws once shows no sampling to judge. */
export const varied = (batches: unknown[][]) => new Set(batches.map((b) => b.join())).size >= 10;
