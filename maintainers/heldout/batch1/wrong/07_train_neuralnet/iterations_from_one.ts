// @mistake counts the iterations 1 … itersNum instead of 0 … itersNum − 1, so the accuracies are taken at iterations iterPerEpoch, 2·iterPerEpoch, … instead of 0, iterPerEpoch, … (the first record comes one epoch late and the reported iteration numbers are off by one)
// @names accuracy_when
// Exercise 07 · Mini-batch training (book 4.5.2, 4.5.3)
//
// Stochastic gradient descent: for i = 0 … itersNum − 1
//   1. draw a batch: batchMask = rng.choice(trainSize, batchSize), with replacement
//   2. grad = network.gradient(xBatch, tBatch)
//   3. update every parameter in place: p.data[j] -= learningRate * g.data[j]
//   4. record network.loss(xBatch, tBatch), after the update
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

  const trainLossList: number[] = [];
  const trainAccList: number[] = [];
  const testAccList: number[] = [];

  for (let i = 1; i <= itersNum; i++) {
    const batchMask = rng.choice(trainSize, batchSize);
    const xBatch = takeRows(xTrain, batchMask);
    const tBatch = takeRows(tTrain, batchMask);

    const grad = network.gradient(xBatch, tBatch);
    for (const key of Object.keys(network.params)) {
      const p = network.params[key];
      const g = grad[key];
      for (let j = 0; j < p.size; j++) p.data[j] -= learningRate * g.data[j];
    }

    const loss = network.loss(xBatch, tBatch);
    trainLossList.push(loss);

    if (i % iterPerEpoch === 0) {
      const trainAcc = network.accuracy(xTrain, tTrain);
      const testAcc = network.accuracy(xTest, tTest);
      trainAccList.push(trainAcc);
      testAccList.push(testAcc);
      onEpoch?.({ epoch: trainAccList.length - 1, iteration: i, trainAcc, testAcc, loss });
    }
  }

  return { trainLossList, trainAccList, testAccList };
}
