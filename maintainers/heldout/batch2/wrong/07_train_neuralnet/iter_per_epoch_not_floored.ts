// @mistake computes iterPerEpoch = max(trainSize / batchSize, 1) without floor (the book's bug before PR #90), so for a batch size that does not divide trainSize the epochs are recorded at the wrong iterations
// @names accuracy_when
// Exercise 07 · Mini-batch training (book 4.5.2, 4.5.3)
//
// Stochastic gradient descent, for i = 0 … itersNum − 1:
//
//   1. batchMask = options.rng.choice(trainSize, batchSize), drawn with replacement;
//      xBatch and tBatch are those rows of xTrain and tTrain (src's takeRows)
//   2. grad = network.gradient(xBatch, tBatch)
//   3. every parameter moves in place: p.data[j] -= learningRate * g.data[j]
//   4. trainLossList records network.loss(xBatch, tBatch), taken after the update
//
// - iterPerEpoch = max(floor(trainSize / batchSize), 1). Whenever i % iterPerEpoch === 0,
//   after that iteration's update, trainAccList and testAccList record network.accuracy on
//   the WHOLE train and test sets, and options.onEpoch, if given, is called with
//   { epoch, iteration: i, trainAcc, testAcc, loss }: epoch counts the records from 0, loss
//   is iteration i's.
// - x: (N, D), one sample per row; t: (N, K) one-hot or (N) labels, row n answering x's row n.
// - The result is { trainLossList, trainAccList, testAccList }; data is left unchanged.
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

/** Trains `network` in place by SGD and returns the loss and accuracy curves. */
export function trainNeuralNet(
  network: Network,
  data: TrainData,
  options: TrainOptions,
): TrainResult {
  const { itersNum, batchSize, learningRate, rng, onEpoch } = options;
  const { xTrain, tTrain, xTest, tTest } = data;

  const trainSize = xTrain.shape[0];
  const iterPerEpoch = Math.max(trainSize / batchSize, 1);

  const trainLossList: number[] = [];
  const trainAccList: number[] = [];
  const testAccList: number[] = [];
  let epoch = 0;

  for (let i = 0; i < itersNum; i++) {
    // 1. a mini-batch
    const batchMask = rng.choice(trainSize, batchSize);
    const xBatch = takeRows(xTrain, batchMask);
    const tBatch = takeRows(tTrain, batchMask);

    // 2. the gradient
    const grad = network.gradient(xBatch, tBatch);

    // 3. the update, in place
    for (const key of Object.keys(network.params)) {
      const p = network.params[key];
      const g = grad[key];
      for (let j = 0; j < p.size; j++) p.data[j] -= learningRate * g.data[j];
    }

    // 4. the loss after the update
    const loss = network.loss(xBatch, tBatch);
    trainLossList.push(loss);

    if (i % iterPerEpoch === 0) {
      const trainAcc = network.accuracy(xTrain, tTrain);
      const testAcc = network.accuracy(xTest, tTest);
      trainAccList.push(trainAcc);
      testAccList.push(testAcc);
      onEpoch?.({ epoch, iteration: i, trainAcc, testAcc, loss });
      epoch++;
    }
  }

  return { trainLossList, trainAccList, testAccList };
}
