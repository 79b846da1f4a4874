// @correct checks x's last axis is 2, runs every input through dot as an (N, 2) batch via a reshape view of x, and reshapes the scores back to (3) for a one-sample x
// @names none
// Exercise 05 · A simple network and its gradient (book 4.4.2)
import {
  createRng,
  crossEntropyError,
  dot,
  formatShape,
  NDArray,
  randn,
  reshape,
  softmax,
  type Rng,
} from '../src/index.ts';

export class SimpleNet {
  W: NDArray;

  constructor(rng: Rng = createRng(0)) {
    this.W = randn([2, 3], rng);
  }

  private scores(x: NDArray): NDArray {
    if ((x.ndim !== 1 && x.ndim !== 2) || x.shape[x.ndim - 1] !== this.W.shape[0]) {
      throw new Error(`SimpleNet.predict: x must be (2) or (N, 2), got ${formatShape(x.shape)}`);
    }
    const rows = x.ndim === 1 ? 1 : x.shape[0];
    const asBatch = reshape(x, [rows, x.shape[x.ndim - 1]]); // a view: x itself is untouched
    return dot(asBatch, this.W);
  }

  predict(x: NDArray): NDArray {
    const s = this.scores(x);
    return x.ndim === 1 ? reshape(s, [s.shape[1]]) : s;
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(softmax(this.predict(x)), t);
  }
}
