// @mistake loss lifts a one-sample x (2) to a (1, 2) batch and reshapes t to (1, t.size), which turns a label t of shape (1) into (1, 1) and crossEntropyError throws; one-hot t (3) and batches work
// @names none
// Exercise 05 · A simple network and its gradient (book 4.4.2)
import {
  createRng,
  crossEntropyError,
  dot,
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

  predict(x: NDArray): NDArray {
    return dot(x, this.W);
  }

  loss(x: NDArray, t: NDArray): number {
    // always work on a batch, as the book's cross_entropy_error reshapes a single sample
    const xb = x.ndim === 1 ? reshape(x, [1, x.size]) : x;
    const tb = x.ndim === 1 ? reshape(t, [1, t.size]) : t;
    const y = softmax(this.predict(xb));
    return crossEntropyError(y, tb);
  }
}
