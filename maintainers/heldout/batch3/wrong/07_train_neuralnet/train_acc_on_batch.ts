// @mistake the epoch's train accuracy is network.accuracy(xBatch, tBatch), on the current mini-batch, instead of on the whole training set (test accuracy is right); differs whenever the batch's accuracy differs from the full set's
// @names accuracy_what
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
  let epoch = 0;

  for (let i = 0; i < options.itersNum; i++) {
    const batchMask = options.rng.choice(trainSize, options.batchSize);
    const xBatch = takeRows(data.xTrain, batchMask);
    const tBatch = takeRows(data.tTrain, batchMask);
    const grad = network.gradient(xBatch, tBatch);
    for (const [key, param] of Object.entries(network.params)) {
      const step = grad[key].data;
      param.data.forEach((v, j) => {
        param.data[j] = v - options.learningRate * step[j];
      });
    }
    const loss = network.loss(xBatch, tBatch);
    trainLossList.push(loss);

    if (i % iterPerEpoch === 0) {
      const trainAcc = network.accuracy(xBatch, tBatch);
      const testAcc = network.accuracy(data.xTest, data.tTest);
      trainAccList.push(trainAcc);
      testAccList.push(testAcc);
      options.onEpoch?.({ epoch, iteration: i, trainAcc, testAcc, loss });
      epoch++;
    }
  }
  return { trainLossList, trainAccList, testAccList };
}
