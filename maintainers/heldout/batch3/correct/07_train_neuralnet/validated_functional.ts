// @correct checks up front that x and t have matching row counts, splits sampling and the SGD step into small helpers, evaluates test before train, and keeps an explicit epoch counter
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

function step(params: Record<string, NDArray>, grads: Record<string, NDArray>, lr: number): void {
  for (const [name, p] of Object.entries(params)) {
    const g = grads[name];
    p.data.forEach((v, j) => {
      p.data[j] = v - lr * g.data[j];
    });
  }
}

export function trainNeuralNet(
  network: Network,
  data: TrainData,
  options: TrainOptions,
): TrainResult {
  const { xTrain, tTrain, xTest, tTest } = data;
  if (xTrain.shape[0] !== tTrain.shape[0] || xTest.shape[0] !== tTest.shape[0]) {
    throw new Error('trainNeuralNet: x and t must have one row per sample');
  }
  const trainSize = xTrain.shape[0];
  const { itersNum, batchSize, learningRate, rng } = options;
  const iterPerEpoch = Math.max(1, Math.floor(trainSize / batchSize));

  const draw = () => {
    const mask = rng.choice(trainSize, batchSize);
    return [takeRows(xTrain, mask), takeRows(tTrain, mask)] as const;
  };

  const trainLossList: number[] = [];
  const trainAccList: number[] = [];
  const testAccList: number[] = [];
  let epoch = 0;

  for (let i = 0; i < itersNum; i += 1) {
    const [xBatch, tBatch] = draw();
    step(network.params, network.gradient(xBatch, tBatch), learningRate);
    const loss = network.loss(xBatch, tBatch);
    trainLossList.push(loss);
    if (i % iterPerEpoch !== 0) continue;

    const testAcc = network.accuracy(xTest, tTest);
    const trainAcc = network.accuracy(xTrain, tTrain);
    trainAccList.push(trainAcc);
    testAccList.push(testAcc);
    if (options.onEpoch !== undefined) {
      options.onEpoch({ epoch, iteration: i, trainAcc, testAcc, loss });
    }
    epoch += 1;
  }
  return { trainLossList, trainAccList, testAccList };
}
