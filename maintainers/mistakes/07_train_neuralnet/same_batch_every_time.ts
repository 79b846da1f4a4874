/**
 * @mistake the batch is drawn once, before the loop, and reused every iteration
 * @caughtBy batches are drawn with replacement from options.rng and cover the training set
 * @diagnosis not one batch reused
 */
import { NDArray, takeRows, type Rng } from '../../../src/index.ts';

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

/** Trains `network` in place by SGD and returns the loss and accuracy curves. */
export function trainNeuralNet(
  network: Network,
  data: TrainData,
  options: TrainOptions,
): TrainResult {
  const { xTrain, tTrain, xTest, tTest } = data;
  const { itersNum, batchSize, learningRate, rng, onEpoch } = options;
  const trainSize = xTrain.shape[0];
  const iterPerEpoch = Math.max(Math.floor(trainSize / batchSize), 1);
  const result: TrainResult = { trainLossList: [], trainAccList: [], testAccList: [] };
  const batchMask = rng.choice(trainSize, batchSize); // the mistake: one batch for the whole run
  for (let i = 0; i < itersNum; i++) {
    const xBatch = takeRows(xTrain, batchMask);
    const tBatch = takeRows(tTrain, batchMask);
    const grad = network.gradient(xBatch, tBatch);
    for (const key of Object.keys(network.params)) {
      const p = network.params[key].data;
      const g = grad[key].data;
      for (let j = 0; j < p.length; j++) p[j] -= learningRate * g[j];
    }
    const loss = network.loss(xBatch, tBatch);
    result.trainLossList.push(loss);
    if (i % iterPerEpoch === 0) {
      const trainAcc = network.accuracy(xTrain, tTrain);
      const testAcc = network.accuracy(xTest, tTest);
      result.trainAccList.push(trainAcc);
      result.testAccList.push(testAcc);
      onEpoch?.({ epoch: i / iterPerEpoch, iteration: i, trainAcc, testAcc, loss });
    }
  }
  return result;
}
