// @mistake iterPerEpoch = max(trainSize / batchSize, 1) without floor (the book's line before PR #90): when batchSize does not divide trainSize the accuracies are recorded at the wrong iterations (10 rows, batch 4: at 0, 5, 10 … instead of every 2; 10 rows, batch 3: only at 0)
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
  const { xTrain, tTrain, xTest, tTest } = data;
  const { itersNum, batchSize, learningRate, rng, onEpoch } = options;
  const trainSize = xTrain.shape[0];
  const iterPerEpoch = Math.max(trainSize / batchSize, 1);

  const trainLossList: number[] = [];
  const trainAccList: number[] = [];
  const testAccList: number[] = [];

  for (let i = 0; i < itersNum; i++) {
    const batchMask = rng.choice(trainSize, batchSize);
    const xBatch = takeRows(xTrain, batchMask);
    const tBatch = takeRows(tTrain, batchMask);

    const grad = network.gradient(xBatch, tBatch);
    for (const key of Object.keys(network.params)) {
      const p = network.params[key].data;
      const g = grad[key].data;
      for (let j = 0; j < p.length; j++) p[j] -= learningRate * g[j];
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
