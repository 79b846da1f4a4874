// @mistake the batch mask is rng.choice(trainSize - 1, batchSize), an off-by-one that never draws the last training row (and throws when trainSize is 1); the batches do not cover the data
// @names row_never_drawn
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

export function trainNeuralNet(
  network: Network,
  data: TrainData,
  options: TrainOptions,
): TrainResult {
  const { xTrain, tTrain, xTest, tTest } = data;
  const trainSize = xTrain.shape[0];
  const lastIndex = trainSize - 1;
  const iterPerEpoch = Math.max(Math.floor(trainSize / options.batchSize), 1);
  const out: TrainResult = { trainLossList: [], trainAccList: [], testAccList: [] };

  for (let i = 0; i < options.itersNum; i++) {
    // indices 0 … lastIndex
    const batchMask = options.rng.choice(lastIndex, options.batchSize);
    const xBatch = takeRows(xTrain, batchMask);
    const tBatch = takeRows(tTrain, batchMask);
    const grad = network.gradient(xBatch, tBatch);
    for (const name of Object.keys(network.params)) {
      const p = network.params[name];
      const g = grad[name];
      for (let j = 0; j < p.size; j++) p.data[j] -= options.learningRate * g.data[j];
    }
    const loss = network.loss(xBatch, tBatch);
    out.trainLossList.push(loss);
    if (i % iterPerEpoch === 0) {
      const trainAcc = network.accuracy(xTrain, tTrain);
      const testAcc = network.accuracy(xTest, tTest);
      out.trainAccList.push(trainAcc);
      out.testAccList.push(testAcc);
      options.onEpoch?.({ epoch: out.trainAccList.length - 1, iteration: i, trainAcc, testAcc, loss });
    }
  }
  return out;
}
