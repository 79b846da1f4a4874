// Loads TwoLayerNet (06) and trainNeuralNet (07) from the tree --impl names, and turns an
// unfinished stub into one sentence that says which method to write next, not a stack trace.
import fs from 'node:fs';
import type { NDArray, Rng } from '../../src/index.ts';
import type { Impl } from './args.ts';

export interface Network {
  params: Record<string, NDArray>;
  predict(x: NDArray): NDArray;
  loss(x: NDArray, t: NDArray): number;
  accuracy(x: NDArray, t: NDArray): number;
  gradient(x: NDArray, t: NDArray): Record<string, NDArray>;
  numericalGradient(x: NDArray, t: NDArray): Record<string, NDArray>;
}
export type NetworkClass = new (
  inputSize: number,
  hiddenSize: number,
  outputSize: number,
  weightInitStd?: number,
  rng?: Rng,
) => Network;
export interface EpochRecord {
  epoch: number;
  iteration: number;
  trainAcc: number;
  testAcc: number;
  loss: number;
}
export interface TrainResult {
  trainLossList: number[];
  trainAccList: number[];
  testAccList: number[];
}
export type TrainFn = (
  network: Network,
  data: { xTrain: NDArray; tTrain: NDArray; xTest: NDArray; tTest: NDArray },
  options: {
    itersNum: number;
    batchSize: number;
    learningRate: number;
    rng: Rng;
    onEpoch?: (e: EpochRecord) => void;
  },
) => TrainResult;

const NET_FILE = '06_two_layer_net.ts';
const TRAIN_FILE = '07_train_neuralnet.ts';
// the methods training calls, probed in the order a student writes them
const METHODS = ['predict', 'loss', 'accuracy', 'gradient'] as const;

/** Student code that is not there yet: main prints the message alone and exits 1. */
export class UnfinishedError extends Error {}

export const isTodo = (error: unknown): boolean =>
  error instanceof Error && /^\s*TODO\b/.test(error.message);

// a student release has no solutions/, so it only suggests what is there
const advice = (impl: Impl) =>
  impl === 'exercises' && fs.existsSync(new URL('../../solutions/', import.meta.url))
    ? ' Finish it, or run with --impl solutions.'
    : impl === 'exercises'
      ? ' Finish it first.'
      : '';

function unfinished(impl: Impl, file: string, what: string, error: unknown): UnfinishedError {
  const thrown = error instanceof Error ? error.message : String(error);
  return new UnfinishedError(
    `${impl}/${file}: ${what} is not implemented yet (it throws '${thrown}').${advice(impl)}`,
  );
}

async function importFrom(impl: Impl, file: string): Promise<Record<string, unknown>> {
  const url = new URL(`../../${impl}/${file}`, import.meta.url);
  if (!fs.existsSync(url))
    throw new UnfinishedError(`${impl}/${file} does not exist.${advice(impl)}`);
  try {
    return (await import(url.href)) as Record<string, unknown>;
  } catch (error) {
    throw new UnfinishedError(`${impl}/${file} could not be loaded: ${(error as Error).message}`);
  }
}

/** The two exports training needs, or an UnfinishedError naming what is missing. */
export async function loadImpl(impl: Impl): Promise<{ TwoLayerNet: NetworkClass; train: TrainFn }> {
  const net = await importFrom(impl, NET_FILE);
  const trainer = await importFrom(impl, TRAIN_FILE);
  if (typeof net.TwoLayerNet !== 'function') {
    throw new UnfinishedError(
      `${impl}/${NET_FILE} does not export the class TwoLayerNet.${advice(impl)}`,
    );
  }
  if (typeof trainer.trainNeuralNet !== 'function') {
    throw new UnfinishedError(
      `${impl}/${TRAIN_FILE} does not export the function trainNeuralNet.${advice(impl)}`,
    );
  }
  return { TwoLayerNet: net.TwoLayerNet as NetworkClass, train: trainer.trainNeuralNet as TrainFn };
}

/** Builds the net, then calls each method training needs on a tiny batch, so a stub fails here. */
export function buildNetwork(
  impl: Impl,
  TwoLayerNet: NetworkClass,
  sizes: [number, number, number],
  rng: Rng,
  probe: { x: NDArray; t: NDArray },
): Network {
  let network: Network;
  try {
    network = new TwoLayerNet(...sizes, undefined, rng);
  } catch (error) {
    if (isTodo(error)) throw unfinished(impl, NET_FILE, 'the TwoLayerNet constructor', error);
    throw error;
  }
  for (const method of METHODS) {
    if (typeof network[method] !== 'function') {
      throw new UnfinishedError(
        `${impl}/${NET_FILE}: TwoLayerNet.${method} is missing.${advice(impl)}`,
      );
    }
    try {
      network[method](probe.x, probe.t);
    } catch (error) {
      if (isTodo(error)) throw unfinished(impl, NET_FILE, `TwoLayerNet.${method}`, error);
      throw error;
    }
  }
  return network;
}

/** Runs trainNeuralNet, naming it when it is still a stub. */
export function callTrain(impl: Impl, train: TrainFn, ...args: Parameters<TrainFn>): TrainResult {
  try {
    return train(...args);
  } catch (error) {
    if (isTodo(error)) throw unfinished(impl, TRAIN_FILE, 'trainNeuralNet', error);
    throw error;
  }
}
