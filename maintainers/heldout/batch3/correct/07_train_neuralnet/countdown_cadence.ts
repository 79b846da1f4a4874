// @correct schedules the evaluations with a next-record counter advanced by iterPerEpoch instead of i % iterPerEpoch, gathers batch rows with its own rank-agnostic copy loop, and updates each param with a backward while loop over a key list taken once
// @names none
// Exercise 07 · Mini-batch training (book 4.5.2, 4.5.3)
//
//   for i = 0 … itersNum − 1: batch = rng.choice(trainSize, batchSize); grad; p -= lr·g in place;
//   record the batch loss after the update; every iterPerEpoch iterations (from i = 0) record
//   the accuracies on the whole train and test sets and call onEpoch.
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

// rows `mask` of a (N, …) array, repeats allowed; a (N) array gives (B) elements
function pickRows(a: NDArray, mask: readonly number[]): NDArray {
  const n = a.shape[0];
  const width = n === 0 ? 0 : a.size / n;
  const out = new Float64Array(mask.length * width);
  let w = 0;
  for (const r of mask) {
    const base = r * width;
    for (let c = 0; c < width; c++) out[w++] = a.data[base + c];
  }
  return new NDArray(out, [mask.length, ...a.shape.slice(1)]);
}

export function trainNeuralNet(
  network: Network,
  data: TrainData,
  options: TrainOptions,
): TrainResult {
  const trainSize = data.xTrain.shape[0];
  const iterPerEpoch = Math.max(Math.floor(trainSize / options.batchSize), 1);
  const keys = Object.keys(network.params);
  const curves: TrainResult = { trainLossList: [], trainAccList: [], testAccList: [] };

  let nextRecord = 0; // the next iteration whose accuracies are recorded
  for (let i = 0; i < options.itersNum; i++) {
    const mask = options.rng.choice(trainSize, options.batchSize);
    const xBatch = pickRows(data.xTrain, mask);
    const tBatch = pickRows(data.tTrain, mask);

    const grad = network.gradient(xBatch, tBatch);
    const lr = options.learningRate;
    for (const key of keys) {
      const p = network.params[key].data;
      const g = grad[key].data;
      let j = p.length;
      while (j-- > 0) p[j] -= lr * g[j];
    }

    const loss = network.loss(xBatch, tBatch);
    curves.trainLossList.push(loss);

    if (i === nextRecord) {
      nextRecord += iterPerEpoch;
      const record: EpochRecord = {
        epoch: curves.trainAccList.length,
        iteration: i,
        trainAcc: network.accuracy(data.xTrain, data.tTrain),
        testAcc: network.accuracy(data.xTest, data.tTest),
        loss,
      };
      curves.trainAccList.push(record.trainAcc);
      curves.testAccList.push(record.testAcc);
      options.onEpoch?.(record);
    }
  }
  return curves;
}
