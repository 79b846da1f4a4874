// @correct computes x·W with its own index loops for both (2) and (N, 2) inputs and fills W element by element from rng.normal() in row-major order (the same stream randn uses)
// @names none
// Exercise 05 · A simple network and its gradient (book 4.4.2)
//   predict(x) = x·W,  loss(x, t) = crossEntropyError(softmax(predict(x)), t)
import {
  createRng,
  crossEntropyError,
  NDArray,
  softmax,
  type Rng,
} from '../src/index.ts';

const ROWS = 2;
const COLS = 3;

export class SimpleNet {
  W: NDArray;

  constructor(rng?: Rng) {
    const source = rng ?? createRng(0);
    const values = new Float64Array(ROWS * COLS);
    for (let k = 0; k < values.length; k++) values[k] = source.normal();
    this.W = new NDArray(values, [ROWS, COLS]);
  }

  predict(x: NDArray): NDArray {
    const w = this.W.data; // read at call time
    const n = x.ndim === 1 ? 1 : x.shape[0];
    const out = new Float64Array(n * COLS);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < COLS; c++) {
        let acc = 0;
        for (let k = 0; k < ROWS; k++) acc += x.data[r * ROWS + k] * w[k * COLS + c];
        out[r * COLS + c] = acc;
      }
    }
    return new NDArray(out, x.ndim === 1 ? [COLS] : [n, COLS]);
  }

  loss(x: NDArray, t: NDArray): number {
    const probabilities = softmax(this.predict(x));
    return crossEntropyError(probabilities, t);
  }
}
