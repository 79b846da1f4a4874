// @correct splits the loop body into helpers (sampleBatch, sgdUpdate, evaluate) and uses the records' length as the epoch number
// @names none
// Exercise 07 · Mini-batch training (book 4.5.2, 4.5.3)
import { NDArray, takeRows, type Rng } from '../src/index.ts';

export interface EpochRecord {
  epoch: number;
  iteration: number;
  trainAcc: number;
  testAcc: number;
  loss: number;
}

export interface Network {
  params: Record<string, NDArray>;
  gradient(x: NDArray, t: NDArray): Record<string, NDArray>;
  loss(x: NDArray, t: NDArray): number;
  accuracy(x: NDArray, t: NDArray): number;
}

export interface TrainData {
  xTrain: NDArray;
  tTrain: NDArray;
  xTest: NDArray;
  tTest: NDArray;
}

export interface TrainOptions {
  itersNum: number;
  batchSize: number;
  learningRate: number;
  rng: Rng;
  onEpoch?: (epoch: EpochRecord) => void;
}

export interface TrainResult {
  trainLossList: number[];
  trainAccList: number[];
  testAccList: number[];
}

function sampleBatch(data: TrainData, batchSize: number, rng: Rng): { x: NDArray; t: NDArray } {
  const mask = rng.choice(data.xTrain.shape[0], batchSize);
  return { x: takeRows(data.xTrain, mask), t: takeRows(data.tTrain, mask) };
}

// p ← p − lr·g for every parameter, in place
function sgdUpdate(params: Record<string, NDArray>, grads: Record<string, NDArray>, lr: number): void {
  for (const key in params) {
    const p = params[key];
    const g = grads[key];
    for (let j = 0; j < p.size; j++) p.data[j] -= lr * g.data[j];
  }
}

function evaluate(network: Network, data: TrainData): { trainAcc: number; testAcc: number } {
  return {
    trainAcc: network.accuracy(data.xTrain, data.tTrain),
    testAcc: network.accuracy(data.xTest, data.tTest),
  };
}

/** Trains `network` in place by SGD and returns the loss and accuracy curves. */
export function trainNeuralNet(
  network: Network,
  data: TrainData,
  options: TrainOptions,
): TrainResult {
  const trainSize = data.xTrain.shape[0];
  const iterPerEpoch = Math.max(Math.floor(trainSize / options.batchSize), 1);
  const out: TrainResult = { trainLossList: [], trainAccList: [], testAccList: [] };

  let i = 0;
  while (i < options.itersNum) {
    const batch = sampleBatch(data, options.batchSize, options.rng);
    sgdUpdate(network.params, network.gradient(batch.x, batch.t), options.learningRate);
    const loss = network.loss(batch.x, batch.t);
    out.trainLossList.push(loss);

    if (i % iterPerEpoch === 0) {
      const { trainAcc, testAcc } = evaluate(network, data);
      const epoch = out.trainAccList.length;
      out.trainAccList.push(trainAcc);
      out.testAccList.push(testAcc);
      if (options.onEpoch !== undefined) {
        options.onEpoch({ epoch, iteration: i, trainAcc, testAcc, loss });
      }
    }
    i++;
  }
  return out;
}
