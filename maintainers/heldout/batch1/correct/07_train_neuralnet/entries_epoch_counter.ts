// @correct iterates the parameters with Object.entries and a for-of loop, keeps a running epoch counter, and includes the epoch record's loss from the same iteration
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
  let epoch = 0;

  for (let i = 0; i < itersNum; i++) {
    const batchMask = rng.choice(trainSize, batchSize);
    const xBatch = takeRows(xTrain, batchMask);
    const tBatch = takeRows(tTrain, batchMask);

    const grads = network.gradient(xBatch, tBatch);
    for (const [key, p] of Object.entries(network.params)) {
      const g = grads[key];
      for (let j = 0; j < p.size; j++) p.data[j] -= learningRate * g.data[j];
    }

    const loss = network.loss(xBatch, tBatch);
    result.trainLossList.push(loss);

    if (i % iterPerEpoch === 0) {
      const trainAcc = network.accuracy(xTrain, tTrain);
      const testAcc = network.accuracy(xTest, tTest);
      result.trainAccList.push(trainAcc);
      result.testAccList.push(testAcc);
      if (onEpoch) onEpoch({ epoch, iteration: i, trainAcc, testAcc, loss });
      epoch++;
    }
  }
  return result;
}
