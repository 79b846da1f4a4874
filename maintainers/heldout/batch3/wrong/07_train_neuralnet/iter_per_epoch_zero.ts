// @mistake iterPerEpoch = floor(trainSize / batchSize) without the max(…, 1), so a batch larger than the training set gives 0, i % 0 is NaN and no accuracy is ever recorded nor onEpoch called (batchSize <= trainSize is right)
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
  const trainSize = data.xTrain.shape[0];
  const iterPerEpoch = Math.floor(trainSize / options.batchSize);
  const result: TrainResult = { trainLossList: [], trainAccList: [], testAccList: [] };

  let i = 0;
  while (i < options.itersNum) {
    const mask = options.rng.choice(trainSize, options.batchSize);
    const xb = takeRows(data.xTrain, mask);
    const tb = takeRows(data.tTrain, mask);
    const grads = network.gradient(xb, tb);
    Object.entries(network.params).forEach(([name, param]) => {
      const g = grads[name];
      for (let j = 0; j < param.size; j++) param.data[j] -= options.learningRate * g.data[j];
    });
    const loss = network.loss(xb, tb);
    result.trainLossList.push(loss);
    if (i % iterPerEpoch === 0) {
      const trainAcc = network.accuracy(data.xTrain, data.tTrain);
      const testAcc = network.accuracy(data.xTest, data.tTest);
      result.trainAccList.push(trainAcc);
      result.testAccList.push(testAcc);
      if (options.onEpoch) {
        options.onEpoch({
          epoch: result.trainAccList.length - 1,
          iteration: i,
          trainAcc,
          testAcc,
          loss,
        });
      }
    }
    i++;
  }
  return result;
}
