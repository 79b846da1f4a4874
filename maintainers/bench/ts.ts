// This project's side: the book's training run and one numerical gradient, with the
// reference solutions (06 + 07), timed the way the NumPy peer times its own.
import { createRng, loadMnist, takeRows, type MnistData } from '../../src/index.ts';
import { runTraining } from '../../tools/train/run.ts';
import { loadImpl } from '../../tools/train/student.ts';

// the book's hyperparameters, as the peer's train_once
export const BOOK = { iters: 10_000, batchSize: 100, lr: 0.1, hidden: 50, seed: 0 };
const NUMGRAD_BATCH = 100;
const LOSS_WARMUP = 200; // loss calls before timing, so the JIT has settled
const LOSS_REPS = 1000;

export interface TsTrain {
  trainSeconds: number; // the whole trainNeuralNet call
  evalSeconds: number; // the per-epoch accuracy passes inside it
  loopSecondsExclEval: number; // comparable to the peer's train_loop_s_excl_eval
  msPerIter: number; // excluding the evaluations
  trainAcc: number;
  testAcc: number;
}

export async function timeTraining(data: MnistData, iters = BOOK.iters): Promise<TsTrain> {
  const { TwoLayerNet, train } = await loadImpl('solutions');
  const run = runTraining({ ...BOOK, iters, impl: 'solutions', TwoLayerNet, train, data });
  const loop = run.trainSeconds - run.evalSeconds;
  return {
    trainSeconds: run.trainSeconds,
    evalSeconds: run.evalSeconds,
    loopSecondsExclEval: loop,
    msPerIter: (1000 * loop) / iters,
    trainAcc: run.trainAcc,
    testAcc: run.testAcc,
  };
}

export interface TsNumgrad {
  seconds: number;
  measured: boolean; // false: extrapolated as 2 · nParams loss evaluations (--quick)
  nParams: number;
}

/** One numerical gradient of the 784-50-10 net on a batch of 100, as the peer's. */
export async function timeNumgrad(measure: boolean): Promise<TsNumgrad> {
  const { TwoLayerNet } = await loadImpl('solutions');
  const data = loadMnist({ oneHotLabel: true });
  const rows = Array.from({ length: NUMGRAD_BATCH }, (_, i) => i);
  const [x, t] = [takeRows(data.xTrain, rows), takeRows(data.tTrain, rows)];
  const net = new TwoLayerNet(784, BOOK.hidden, 10, 0.01, createRng(BOOK.seed));
  const nParams = Object.values(net.params).reduce((n, p) => n + p.size, 0);
  if (measure) {
    const start = performance.now();
    net.numericalGradient(x, t);
    return { seconds: (performance.now() - start) / 1000, measured: true, nParams };
  }
  for (let i = 0; i < LOSS_WARMUP; i++) net.loss(x, t);
  const start = performance.now();
  for (let i = 0; i < LOSS_REPS; i++) net.loss(x, t);
  const perLoss = (performance.now() - start) / 1000 / LOSS_REPS;
  return { seconds: 2 * nParams * perLoss, measured: false, nParams };
}
