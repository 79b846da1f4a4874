// Runs of a training loop on the spy network (spy-network.ts), for the laws of 07 and its
// suspects: the generators of runs, and the iterations read back from the spy's calls.
import fc from 'fast-check';
import { createRng, NDArray, type Rng } from '../../src/index.ts';
import { type Snapshot, type SpyCall, SpyNetwork, spyData, type SpyData } from './spy-network.ts';

export interface Run {
  trainSize: number;
  batchSize: number;
  itersNum: number;
  learningRate: number;
  labels: boolean; // t as labels (N), else one-hot (N, K)
  width: number; // D, the features of a row of x
  testSize?: number; // TEST_SIZE unless a probe needs more
}
export const TEST_SIZE = 3; // the test set is only ever passed whole

// lr on a grid of 1e-3 in (0, 2], skipping 1: at lr = 1 a loop that ignores lr would move the
// parameters by exactly −lr·g
export const lrArb = fc.integer({ min: 1, max: 1999 }).map((k) => (k < 1000 ? k : k + 1) / 1000);
// t as labels or one-hot, and 1 to 3 features: every form the header allows
const formArb = { labels: fc.boolean(), width: fc.integer({ min: 1, max: 3 }) };
// small sizes keep every call readable in a counterexample
export const runArb: fc.Arbitrary<Run> = fc.record({
  trainSize: fc.integer({ min: 1, max: 12 }),
  batchSize: fc.integer({ min: 1, max: 6 }),
  itersNum: fc.integer({ min: 1, max: 12 }),
  learningRate: lrArb,
  ...formArb,
});
// the book's case, trainSize a multiple of batchSize (60000 = 600·100), over several epochs
export const wholeEpochArb: fc.Arbitrary<Run> = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }))
  .chain(([batchSize, perEpoch]) =>
    fc.record({
      trainSize: fc.constant(batchSize * perEpoch),
      batchSize: fc.constant(batchSize),
      itersNum: fc.integer({ min: 1, max: 3 * perEpoch + 2 }),
      learningRate: lrArb,
      ...formArb,
    }),
  );
// trainSize = q·batchSize + r with 0 < r < batchSize: not a whole number of batches, and q = 0
// puts the whole set inside one batch
export const partialEpochArb: fc.Arbitrary<Run> = fc
  .tuple(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 0, max: 3 }))
  .chain(([batchSize, q]) =>
    fc.record({
      trainSize: fc.integer({ min: 1, max: batchSize - 1 }).map((r) => q * batchSize + r),
      batchSize: fc.constant(batchSize),
      itersNum: fc.integer({ min: 1, max: 3 * Math.max(q, 1) + 2 }),
      learningRate: lrArb,
      ...formArb,
    }),
  );
export const showRun = (r: Run) =>
  `trainSize = ${r.trainSize}, batchSize = ${r.batchSize}, itersNum = ${r.itersNum}, ` +
  `learningRate = ${r.learningRate}, t as ${r.labels ? 'labels (N)' : 'one-hot (N, K)'}, D = ${r.width}`;

export const spyDataOf = (r: Run) =>
  spyData(r.trainSize, r.testSize ?? TEST_SIZE, r.width, r.labels);
export const iterPerEpoch = (r: Run) => Math.max(Math.floor(r.trainSize / r.batchSize), 1);
/** The iterations after whose update the accuracies are recorded. */
export const recordedAt = (r: Run) =>
  Array.from({ length: r.itersNum }, (_, i) => i).flatMap((i) =>
    i % iterPerEpoch(r) === 0 ? [i] : [],
  );

export const sameData = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.prototype.every.call(a, (v, i) => Object.is(v, b[i]));
export const sameSnapshot = (a: Snapshot, b: Snapshot) =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.keys(a).every((k) => b[k] !== undefined && sameData(a[k], b[k]));

/** One iteration as the spy saw it: the parameters its gradient was taken at, and its batch. */
export interface Iteration {
  params: Snapshot;
  x: NDArray;
  t: NDArray;
  grad: Snapshot;
}

export type Train = (
  network: SpyNetwork,
  data: SpyData,
  options: {
    itersNum: number;
    batchSize: number;
    learningRate: number;
    rng: Rng;
    onEpoch?: (e: unknown) => void;
  },
) => unknown;

/**
 * Runs `train` on a fresh spy and reads the iterations back: consecutive gradient calls at
 * the same parameters belong to one iteration (a loop may take a gradient twice), whose batch
 * is its last call's; a trailing gradient that no update followed is no iteration.
 */
export function observe(train: Train, run: Run, seed: number, onEpoch?: (e: unknown) => void) {
  const data = spyDataOf(run);
  const net = new SpyNetwork(seed, run.width, run.trainSize + (run.testSize ?? TEST_SIZE));
  const start = net.snapshot();
  const { itersNum, batchSize, learningRate } = run;
  const options = { itersNum, batchSize, learningRate, rng: createRng(seed) };
  const result = train(net, data, onEpoch ? { ...options, onEpoch } : options) as unknown;
  const final = net.snapshot();
  const gradients: SpyCall[] = [];
  for (const call of net.calls) if (call.kind === 'gradient') gradients.push(call);
  const iterations: Iteration[] = [];
  for (const call of gradients) {
    const last = iterations[iterations.length - 1];
    const it = { params: call.params, x: call.x, t: call.t, grad: call.grad! };
    if (last && sameSnapshot(last.params, call.params)) iterations[iterations.length - 1] = it;
    else iterations.push(it);
  }
  const trailing = iterations[iterations.length - 1];
  if (iterations.length > itersNum && sameSnapshot(trailing.params, final)) iterations.pop();
  /** The parameters after iteration i's update: those of the next gradient, or the last. */
  const after = (i: number): Snapshot => iterations[i + 1]?.params ?? final;
  return { net, data, result, start, final, gradients, iterations, after };
}
export type Observed = ReturnType<typeof observe>;
