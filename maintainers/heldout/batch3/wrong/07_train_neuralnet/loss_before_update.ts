// @mistake trainLossList records network.loss(xBatch, tBatch) before the parameter update of that iteration instead of after it, so every recorded loss (and onEpoch's loss) is the pre-step value
// @names loss_what
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
  const { itersNum, batchSize, learningRate, rng, onEpoch } = options;
  const trainSize = data.xTrain.shape[0];
  const iterPerEpoch = Math.max(Math.floor(trainSize / batchSize), 1);
  const trainLossList: number[] = [];
  const trainAccList: number[] = [];
  const testAccList: number[] = [];

  for (let i = 0; i < itersNum; i++) {
    const batchMask = rng.choice(trainSize, batchSize);
    const xBatch = takeRows(data.xTrain, batchMask);
    const tBatch = takeRows(data.tTrain, batchMask);

    // forward pass first, then backward and step
    const loss = network.loss(xBatch, tBatch);
    const grad = network.gradient(xBatch, tBatch);
    for (const key in network.params) {
      const p = network.params[key];
      const g = grad[key];
      for (let j = 0; j < p.size; j++) p.data[j] -= learningRate * g.data[j];
    }
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
