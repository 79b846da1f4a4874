// @mistake the loop runs i = 1 … itersNum instead of 0 … itersNum − 1, so there is no record after the first update (iteration 0), records come at the wrong iterations (iteration field shifted), and itersNum < iterPerEpoch records nothing
// @names accuracy_when
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
  const trainSize = data.xTrain.shape[0];
  const iterPerEpoch = Math.max(Math.floor(trainSize / options.batchSize), 1);
  const trainLossList: number[] = [];
  const trainAccList: number[] = [];
  const testAccList: number[] = [];

  for (let iter = 1; iter <= options.itersNum; iter++) {
    const batchMask = options.rng.choice(trainSize, options.batchSize);
    const xBatch = takeRows(data.xTrain, batchMask);
    const tBatch = takeRows(data.tTrain, batchMask);
    const grad = network.gradient(xBatch, tBatch);
    for (const key of Object.keys(network.params)) {
      const p = network.params[key].data;
      const g = grad[key].data;
      for (let j = 0; j < p.length; j++) p[j] -= options.learningRate * g[j];
    }
    const loss = network.loss(xBatch, tBatch);
    trainLossList.push(loss);

    // one epoch done every iterPerEpoch iterations
    if (iter % iterPerEpoch === 0) {
      const trainAcc = network.accuracy(data.xTrain, data.tTrain);
      const testAcc = network.accuracy(data.xTest, data.tTest);
      trainAccList.push(trainAcc);
      testAccList.push(testAcc);
      options.onEpoch?.({ epoch: trainAccList.length - 1, iteration: iter, trainAcc, testAcc, loss });
    }
  }
  return { trainLossList, trainAccList, testAccList };
}
