// One training run with the clock around it. The network's methods are wrapped on the instance
// (so instanceof and params stay the student's) to see each iteration's loss for the progress
// bar and to time the per-epoch accuracy passes, which the NumPy peer leaves out of its loop time.
import { createRng, takeRows, type MnistData } from '../../src/index.ts';
import type { Impl } from './args.ts';
import {
  buildNetwork,
  callTrain,
  type EpochRecord,
  type Network,
  type NetworkClass,
  type TrainFn,
  type TrainResult,
} from './student.ts';

export interface RunOptions {
  impl: Impl;
  TwoLayerNet: NetworkClass;
  train: TrainFn;
  data: MnistData;
  iters: number;
  batchSize: number;
  lr: number;
  hidden: number;
  seed: number;
  onIteration?: (iteration: number, loss: number) => void;
  onEpoch?: (record: EpochRecord) => void;
}

export interface RunResult {
  network: Network;
  history: TrainResult;
  iterPerEpoch: number;
  trainSeconds: number; // the whole trainNeuralNet call
  evalSeconds: number; // of which, the accuracy passes over the full train and test sets
  trainAcc: number; // after the last iteration
  testAcc: number;
}

const PROBE_ROWS = 2; // enough rows to run every method once before the long loop

export function runTraining(o: RunOptions): RunResult {
  const { xTrain, tTrain } = o.data;
  const rng = createRng(o.seed);
  const rows = Array.from({ length: Math.min(PROBE_ROWS, xTrain.shape[0]) }, (_, i) => i);
  const probe = { x: takeRows(xTrain, rows), t: takeRows(tTrain, rows) };
  const sizes: [number, number, number] = [xTrain.shape[1], o.hidden, tTrain.shape[1]];
  const network = buildNetwork(o.impl, o.TwoLayerNet, sizes, rng, probe);

  let iteration = 0;
  let evalMs = 0;
  const { gradient, loss, accuracy } = network;
  const wrapped = ['gradient', 'loss', 'accuracy'] as const;
  const own = wrapped.map((key) => Object.getOwnPropertyDescriptor(network, key));
  network.gradient = (x, t) => {
    iteration++;
    return gradient.call(network, x, t);
  };
  network.loss = (x, t) => {
    const value = loss.call(network, x, t);
    o.onIteration?.(iteration, value);
    return value;
  };
  network.accuracy = (x, t) => {
    const start = performance.now();
    const value = accuracy.call(network, x, t);
    evalMs += performance.now() - start;
    return value;
  };

  const start = performance.now();
  const history = callTrain(o.impl, o.train, network, o.data, {
    itersNum: o.iters,
    batchSize: o.batchSize,
    learningRate: o.lr,
    rng,
    onEpoch: o.onEpoch,
  });
  const trainSeconds = (performance.now() - start) / 1000;
  // the student's methods again (own fields or the prototype's), free of the wrappers
  wrapped.forEach((key, i) => {
    if (own[i]) Object.defineProperty(network, key, own[i]);
    else delete (network as Partial<Network>)[key];
  });
  return {
    network,
    history,
    iterPerEpoch: Math.max(Math.floor(xTrain.shape[0] / o.batchSize), 1),
    trainSeconds,
    evalSeconds: evalMs / 1000,
    trainAcc: network.accuracy(o.data.xTrain, o.data.tTrain),
    testAcc: network.accuracy(o.data.xTest, o.data.tTest),
  };
}
