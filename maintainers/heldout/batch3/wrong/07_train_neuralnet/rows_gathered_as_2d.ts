// @mistake its own row gatherer assumes a 2-D array and reads the width from shape[1], so with label targets tTrain of shape (N) the batch cannot be built and training throws; one-hot (N, K) targets work
// @names none
// Exercise 07 · Mini-batch training (book 4.5.2, 4.5.3)
import { NDArray, type Rng } from '../src/index.ts';

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

// rows `idx` of a (rows, cols) matrix, as numpy's a[idx]
function gather(a: NDArray, idx: number[]): NDArray {
  const cols = a.shape[1];
  const out = new Float64Array(idx.length * cols);
  idx.forEach((r, k) => out.set(a.data.subarray(r * cols, (r + 1) * cols), k * cols));
  return new NDArray(out, [idx.length, cols]);
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
    const batchMask = rng.choice(trainSize, batchSize);
    const xBatch = gather(data.xTrain, batchMask);
    const tBatch = gather(data.tTrain, batchMask);
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
