// @correct predict is written as explicit loops over rows and columns (handling a (2) and an (N, 2) x) instead of calling dot
// @names none
// Exercise 05 · A simple network and its gradient (book 4.4.2)
import { createRng, crossEntropyError, NDArray, randn, softmax, type Rng } from '../src/index.ts';

const W_SHAPE = [2, 3];
const DEFAULT_SEED = 0;

export class SimpleNet {
  W: NDArray;

  constructor(rng: Rng = createRng(DEFAULT_SEED)) {
    this.W = randn(W_SHAPE, rng);
  }

  predict(x: NDArray): NDArray {
    const [inDim, outDim] = this.W.shape;
    const rows = x.ndim === 1 ? 1 : x.shape[0];
    const out = new Float64Array(rows * outDim);
    for (let n = 0; n < rows; n++) {
      for (let j = 0; j < outDim; j++) {
        let s = 0;
        for (let i = 0; i < inDim; i++) s += x.data[n * inDim + i] * this.W.data[i * outDim + j];
        out[n * outDim + j] = s;
      }
    }
    return new NDArray(out, x.ndim === 1 ? [outDim] : [rows, outDim]);
  }

  loss(x: NDArray, t: NDArray): number {
    const z = this.predict(x);
    const y = softmax(z);
    return crossEntropyError(y, t);
  }
}
