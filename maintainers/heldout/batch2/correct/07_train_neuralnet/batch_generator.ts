// @correct produces the mini-batches from a generator function and updates the parameters through Object.entries, taking each epoch number from the length of the accuracy list before the push
// @names none
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

// the mini-batches of SGD, one per iteration, drawn with the given rng
function* miniBatches(data: TrainData, batchSize: number, count: number, rng: Rng) {
  const trainSize = data.xTrain.shape[0];
  for (let i = 0; i < count; i++) {
    const mask = rng.choice(trainSize, batchSize);
    yield { i, x: takeRows(data.xTrain, mask), t: takeRows(data.tTrain, mask) };
  }
}

/** Trains `network` in place by SGD and returns the loss and accuracy curves. */
export function trainNeuralNet(
  network: Network,
  data: TrainData,
  options: TrainOptions,
): TrainResult {
  const result: TrainResult = { trainLossList: [], trainAccList: [], testAccList: [] };
  const iterPerEpoch = Math.max(Math.floor(data.xTrain.shape[0] / options.batchSize), 1);

  for (const { i, x, t } of miniBatches(data, options.batchSize, options.itersNum, options.rng)) {
    const grads = network.gradient(x, t);
    for (const [name, param] of Object.entries(network.params)) {
      const g = grads[name].data;
      param.data.forEach((v, j) => {
        param.data[j] = v - options.learningRate * g[j];
      });
    }
    const loss = network.loss(x, t);
    result.trainLossList.push(loss);

    if (i % iterPerEpoch !== 0) continue;
    const epoch = result.trainAccList.length;
    const trainAcc = network.accuracy(data.xTrain, data.tTrain);
    const testAcc = network.accuracy(data.xTest, data.tTest);
    result.trainAccList.push(trainAcc);
    result.testAccList.push(testAcc);
    if (options.onEpoch) options.onEpoch({ epoch, iteration: i, trainAcc, testAcc, loss });
  }
  return result;
}
