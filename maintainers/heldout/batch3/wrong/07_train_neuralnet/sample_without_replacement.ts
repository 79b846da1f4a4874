// @mistake the batch is the first batchSize indices of a Fisher–Yates shuffle drawn with rng.int, i.e. without replacement: a batch never repeats a row, and a batchSize above trainSize gives batches of only trainSize rows
// @names no_repeats
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

// batchSize distinct row indices (at most n), in random order
function sampleBatch(rng: Rng, n: number, batchSize: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, batchSize);
}

export function trainNeuralNet(
  network: Network,
  data: TrainData,
  options: TrainOptions,
): TrainResult {
  const { itersNum, batchSize, learningRate, rng, onEpoch } = options;
  const trainSize = data.xTrain.shape[0];
  const iterPerEpoch = Math.max(Math.floor(trainSize / batchSize), 1);
  const trainLossList: number[] = [];
  const trainAccList: number[] = [];
  const testAccList: number[] = [];

  for (let i = 0; i < itersNum; i++) {
    const batchMask = sampleBatch(rng, trainSize, batchSize);
    const xBatch = takeRows(data.xTrain, batchMask);
    const tBatch = takeRows(data.tTrain, batchMask);
    const grad = network.gradient(xBatch, tBatch);
    for (const key of Object.keys(network.params)) {
      const p = network.params[key].data;
      const g = grad[key].data;
      for (let j = 0; j < p.length; j++) p[j] -= learningRate * g[j];
    }
    const loss = network.loss(xBatch, tBatch);
    trainLossList.push(loss);
    if (i % iterPerEpoch === 0) {
      const trainAcc = network.accuracy(data.xTrain, data.tTrain);
      const testAcc = network.accuracy(data.xTest, data.tTest);
      trainAccList.push(trainAcc);
      testAccList.push(testAcc);
      onEpoch?.({ epoch: trainAccList.length - 1, iteration: i, trainAcc, testAcc, loss });
    }
  }
  return { trainLossList, trainAccList, testAccList };
}
