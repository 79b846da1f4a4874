// @mistake onEpoch receives epoch = i (the iteration number) instead of the count of records so far, so epochs read 0, iterPerEpoch, 2·iterPerEpoch … whenever iterPerEpoch > 1 (the lists themselves are right)
// @names epoch_numbering
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

  for (let i = 0; i < options.itersNum; i++) {
    const mask = options.rng.choice(trainSize, options.batchSize);
    const xBatch = takeRows(data.xTrain, mask);
    const tBatch = takeRows(data.tTrain, mask);
    const grad = network.gradient(xBatch, tBatch);
    for (const key of Object.keys(network.params)) {
      const param = network.params[key];
      for (let j = 0; j < param.size; j++) param.data[j] -= options.learningRate * grad[key].data[j];
    }
    const loss = network.loss(xBatch, tBatch);
    trainLossList.push(loss);

    if (i % iterPerEpoch === 0) {
      const trainAcc = network.accuracy(data.xTrain, data.tTrain);
      const testAcc = network.accuracy(data.xTest, data.tTest);
      trainAccList.push(trainAcc);
      testAccList.push(testAcc);
      options.onEpoch?.({ epoch: i, iteration: i, trainAcc, testAcc, loss });
    }
  }
  return { trainLossList, trainAccList, testAccList };
}
