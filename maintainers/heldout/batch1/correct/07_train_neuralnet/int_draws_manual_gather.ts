// @correct draws the batch with rng.int in a loop (the same draws as choice, with replacement) and gathers the rows by hand for (N, D) x and (N, K) or (N) t; the epoch number is computed as i / iterPerEpoch
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

// the rows of a at idx, for a (N, ...) array
function gatherRows(a: NDArray, idx: number[]): NDArray {
  const n = a.shape[0];
  const width = n === 0 ? 0 : a.size / n;
  const out = new Float64Array(idx.length * width);
  for (let b = 0; b < idx.length; b++) {
    const start = idx[b] * width;
    for (let j = 0; j < width; j++) out[b * width + j] = a.data[start + j];
  }
  return new NDArray(out, [idx.length, ...a.shape.slice(1)]);
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

  for (let i = 0; i < options.itersNum; i++) {
    // with replacement: every draw is independent
    const batchMask: number[] = [];
    for (let b = 0; b < options.batchSize; b++) batchMask.push(options.rng.int(trainSize));
    const xBatch = gatherRows(data.xTrain, batchMask);
    const tBatch = gatherRows(data.tTrain, batchMask);

    const grad = network.gradient(xBatch, tBatch);
    Object.keys(network.params).forEach((key) => {
      const p = network.params[key].data;
      const g = grad[key].data;
      for (let j = 0; j < p.length; j++) p[j] = p[j] - options.learningRate * g[j];
    });

    const loss = network.loss(xBatch, tBatch);
    trainLossList.push(loss);

    if (i % iterPerEpoch === 0) {
      const trainAcc = network.accuracy(data.xTrain, data.tTrain);
      const testAcc = network.accuracy(data.xTest, data.tTest);
      trainAccList.push(trainAcc);
      testAccList.push(testAcc);
      options.onEpoch?.({ epoch: i / iterPerEpoch, iteration: i, trainAcc, testAcc, loss });
    }
  }

  return { trainLossList, trainAccList, testAccList };
}
