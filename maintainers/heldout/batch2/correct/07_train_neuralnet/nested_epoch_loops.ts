// @correct runs the iterations as nested loops, an outer loop per epoch block of iterPerEpoch iterations and an inner one per iteration, recording the accuracies on the first iteration of each block instead of testing i % iterPerEpoch
// @names none
// Exercise 07 (book 4.5.2–4.5.3): mini-batch SGD with per-epoch accuracy.
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

function sgdStep(network: Network, x: NDArray, t: NDArray, lr: number): number {
  const grad = network.gradient(x, t);
  for (const key in network.params) {
    const p = network.params[key].data;
    const g = grad[key].data;
    for (let j = 0; j < p.length; j++) p[j] -= lr * g[j];
  }
  return network.loss(x, t); // after the update
}

export function trainNeuralNet(
  network: Network,
  data: TrainData,
  options: TrainOptions,
): TrainResult {
  const { itersNum, batchSize, learningRate, rng, onEpoch } = options;
  const n = data.xTrain.shape[0];
  const perEpoch = Math.max(Math.trunc(n / batchSize), 1);
  const trainLossList: number[] = [];
  const trainAccList: number[] = [];
  const testAccList: number[] = [];

  // iterations [start, start + perEpoch) form one epoch; the first of them records it
  for (let start = 0, epoch = 0; start < itersNum; start += perEpoch, epoch++) {
    const end = Math.min(start + perEpoch, itersNum);
    for (let i = start; i < end; i++) {
      const rows = rng.choice(n, batchSize);
      const loss = sgdStep(network, takeRows(data.xTrain, rows), takeRows(data.tTrain, rows), learningRate);
      trainLossList.push(loss);
      if (i === start) {
        const trainAcc = network.accuracy(data.xTrain, data.tTrain);
        const testAcc = network.accuracy(data.xTest, data.tTest);
        trainAccList.push(trainAcc);
        testAccList.push(testAcc);
        onEpoch?.({ epoch, iteration: i, trainAcc, testAcc, loss });
      }
    }
  }
  return { trainLossList, trainAccList, testAccList };
}
