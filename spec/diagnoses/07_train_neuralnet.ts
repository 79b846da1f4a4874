// What a wrong training loop does, seen through the spy network: the probes drive the loop on
// runs of their own (support/train-probes.ts) and compare what it recorded, and how it moved
// the parameters, with models of mistakes computed from the same calls. A mistake is named
// only when the loop reproduces a model on every probe where the book's loop would differ, or
// when it is seen directly (two runs of one seed that draw different batches).
import type * as Student from '@impl/07_train_neuralnet';
import type { Suspect } from '../../grader/suspects.ts';
import { formatNumber } from '../support/format.ts';
import * as probes from '../support/train-probes.ts';
import {
  accuracies,
  after,
  before,
  bookWhen,
  losses,
  WHEN_MODELS,
} from '../support/train-probes.ts';
import { observe, sameData, sameSnapshot, type Train } from '../support/train-run.ts';

type Impl = typeof Student;
const trainOf = (impl: Impl) => impl.trainNeuralNet as unknown as Train;
const RECORDS = ['whole_epochs', 'partial_epochs', 'on_epoch', 'mnist'];
const BATCHES = ['batches', 'sampling', 'mnist'];

export const suspects: Suspect<Impl>[] = [
  {
    key: 'update_rule',
    explains: ['update', 'mnist'],
    probe(impl) {
      const ps = probes.probeRuns(trainOf(impl));
      const found = probes.updateLike(ps, [
        ['p + lr·g, a step uphill', (p, g, r) => p + r.learningRate * g],
        ['p − g, without the learning rate', (p, g) => p - g],
        ['p + g, uphill and without the learning rate', (p, g) => p + g],
        [
          'p − lr·g / batchSize, the batch mean taken again',
          (p, g, r) => p - (r.learningRate * g) / r.batchSize,
        ],
      ]);
      if (!found) return;
      const { run, seen } = ps[0];
      const [p, g] = [seen.iterations[0].params.W1[0], seen.iterations[0].grad.W1[0]];
      const shown = `W1[0]: p = ${formatNumber(p)}, g = ${formatNumber(g)}, then ${formatNumber(seen.after(0).W1[0])}`;
      return `with learningRate = ${run.learningRate}, every parameter moved from p to ${found} (${shown})`;
    },
    say: 'gradient descent steps downhill by the learning rate: p.data[j] -= learningRate * g.data[j]',
  },
  {
    key: 'params_replaced',
    explains: ['update'],
    probe(impl) {
      const [pr] = probes.probeRuns(trainOf(impl));
      const { params, original } = pr?.seen.net ?? { params: {}, original: {} };
      const key = Object.keys(original).find((k) => params[k] !== original[k]);
      if (key)
        return `after the run network.params.${key} is a new array, and the one the network was built with still holds its first values`;
    },
    say: 'update each parameter in place, writing into network.params[key].data: a network may hold its arrays elsewhere too',
  },
  {
    key: 'params_unchanged',
    explains: ['update', 'loss', 'whole_epochs', 'partial_epochs', 'on_epoch', 'mnist'],
    probe(impl) {
      const run = probes.PROBE_RUNS[1];
      const seen = observe(trainOf(impl), run, 5);
      if (seen.gradients.length >= run.itersNum && sameSnapshot(seen.start, seen.final))
        return `after ${run.itersNum} iterations, each taking a gradient, network.params held exactly the values they started with`;
    },
    say: 'write each step into network.params[key].data itself: stepping a copy, or a new array kept aside, leaves the network as it was',
  },
  {
    key: 'accuracy_when',
    explains: RECORDS,
    probe(impl) {
      const runs = probes.probeRuns(trainOf(impl));
      const text = probes.recordsLike(runs, 'trainAccList', accuracies(bookWhen), WHEN_MODELS);
      if (text) return `on 3 probe runs your loop recorded the accuracies ${text}`;
    },
    say: 'record after the update of every iteration i with i % iterPerEpoch === 0, where iterPerEpoch = max(floor(trainSize / batchSize), 1): i = 0, iterPerEpoch, 2·iterPerEpoch, …',
  },
  {
    key: 'accuracy_what',
    explains: RECORDS,
    probe(impl) {
      const ps = probes.probeRuns(trainOf(impl));
      const text = probes.recordsLike(ps, 'trainAccList', accuracies(bookWhen), [
        ['before that iteration’s update', accuracies(bookWhen, before)],
        ['on the batch, not the whole training set', accuracies(bookWhen, after, 'batch')],
        ['on the test set', accuracies(bookWhen, after, 'Test')],
      ]);
      if (text) return `on 3 probe runs your trainAccList holds the accuracy ${text}`;
      const test = probes.recordsLike(ps, 'testAccList', accuracies(bookWhen, after, 'Test'), [
        ['before that iteration’s update', accuracies(bookWhen, before, 'Test')],
        ['on the training set', accuracies(bookWhen)],
      ]);
      if (test) return `on 3 probe runs your testAccList holds the accuracy ${test}`;
    },
    say: 'record network.accuracy(xTrain, tTrain) and network.accuracy(xTest, tTest), on the whole sets, after that iteration’s update',
  },
  {
    key: 'loss_what',
    explains: ['loss', 'on_epoch'],
    probe(impl) {
      const text = probes.recordsLike(probes.probeRuns(trainOf(impl)), 'trainLossList', losses(), [
        ['the loss before that iteration’s update', losses(before)],
        ['the loss on the whole training set', losses(after, 'Train')],
        ['the loss on the test set', losses(after, 'Test')],
      ]);
      if (text) return `on 3 probe runs your trainLossList[i] is ${text}`;
    },
    say: 'after the update, push network.loss(xBatch, tBatch), the loss of the iteration’s own batch',
  },
  {
    key: 'epoch_numbering',
    explains: ['on_epoch'],
    probe(impl) {
      const records: { epoch?: unknown; iteration?: unknown }[] = [];
      observe(trainOf(impl), probes.PROBE_RUNS[1], 5, (e) => records.push({ ...(e as object) }));
      const epochs = records.map((r) => r.epoch);
      const models: [string, unknown[]][] = [
        ['from 1', records.map((_, j) => j + 1)],
        ['by iteration, i', records.map((r) => r.iteration)],
      ];
      const book = records.map((_, j) => j);
      const found = models.find(([, m]) => sameData(epochs as number[], m as number[]));
      if (found && !sameData(epochs as number[], book))
        return `onEpoch numbered its ${records.length} records ${found[0]}: ${epochs.join(', ')}`;
    },
    say: 'epoch counts the records from 0: 0, 1, 2, …, one per call of onEpoch',
  },
  {
    key: 'rng_not_followed',
    explains: BATCHES,
    probe(impl) {
      const [a, b, c] = [1, 1, 2].map((seed) => probes.drawsOf(trainOf(impl), seed));
      const same = (p: unknown[][], q: unknown[][]) =>
        sameData(p.flat() as number[], q.flat() as number[]);
      if (!same(a, b)) return 'two runs given createRng(1) as options.rng drew different batches';
      if (probes.varied(a) && same(a, c))
        return 'runs given createRng(1) and createRng(2) as options.rng drew the same batches';
    },
    say: 'draw every batch with options.rng.choice(trainSize, batchSize): the rng given decides the batches, not Math.random or an rng of your own',
  },
  {
    key: 'no_repeats',
    explains: BATCHES,
    probe(impl) {
      const batches = probes.drawsOf(trainOf(impl), 1);
      // with replacement, 5/8 of batches of 3 from 4 rows repeat one; none in 300 has p < 1e-120
      const unique = batches.every((b) => new Set(b).size === b.length);
      if (batches.length >= 300 && probes.varied(batches) && unique)
        return `none of ${batches.length} batches of 3 drawn from 4 rows repeats a row, where drawing with replacement repeats one in about 5 of 8`;
    },
    say: 'numpy’s random.choice, and rng.choice, draw with replacement: a row may appear twice in one batch',
  },
  {
    key: 'row_never_drawn',
    explains: BATCHES,
    probe(impl) {
      const batches = probes.drawsOf(trainOf(impl), 1);
      const draws = probes.varied(batches) ? batches.flat() : [];
      // 900 uniform draws from 4 rows miss one with probability 4·(3/4)^900 < 1e-110
      const missing = [0, 1, 2, 3].find((r) => !draws.includes(r));
      if (draws.length >= 900 && missing !== undefined)
        return `row ${missing} of 4 was never drawn in ${draws.length} draws`;
    },
    say: 'rng.choice(trainSize, batchSize) draws from all trainSize rows, 0 to trainSize − 1',
  },
  {
    key: 'same_batch',
    explains: BATCHES,
    probe(impl) {
      const batches = probes.drawsOf(trainOf(impl), 1, 40);
      if (
        batches.length > 1 &&
        batches.every((b) => sameData(b as number[], batches[0] as number[]))
      )
        return `every one of ${batches.length} iterations took the same batch of rows ${batches[0].join(', ')} of 40`;
    },
    say: 'draw a fresh batch in every iteration, inside the loop',
  },
  {
    key: 'x_t_mismatched',
    explains: ['batches', 'mnist'],
    probe(impl) {
      const run = { ...probes.PROBE_RUNS[1], itersNum: 5 };
      const rows = probes.batchRows(observe(trainOf(impl), run, 5));
      const bad = rows.find((b) => b.x.some((r, n) => r !== b.t[n]));
      if (
        bad &&
        rows.every((b) => [...b.x, ...b.t].every((r) => r !== undefined && r < run.trainSize))
      )
        return `a batch held x of training rows ${bad.x.join(', ')} with t of rows ${bad.t.join(', ')}`;
    },
    say: 'take x and t with one batchMask: takeRows(xTrain, batchMask) and takeRows(tTrain, batchMask)',
  },
  {
    key: 'batch_from_test',
    explains: ['batches', 'mnist'],
    probe(impl) {
      // a test set larger than the training set, as MNIST's 10000 against a batch
      const run = { ...probes.PROBE_RUNS[1], itersNum: 3, testSize: 200 };
      const rows = probes.batchRows(observe(trainOf(impl), run, 5));
      const t = rows.flatMap((b) => b.t);
      const n = t.reduce((s: number, r) => s + (r !== undefined && r >= run.trainSize ? 1 : 0), 0);
      if (n > 0)
        return `with a test set of 200 rows, ${n} of the ${t.length} t rows of the batches network.gradient saw were rows of tTest`;
    },
    say: 'batches come from the training set only: the test set measures what training never saw',
  },
];
