// @mistake predict always returns a 2-D array: a one-sample x of shape (2) gives (1, 3) instead of (3), and loss then refuses a one-hot t of shape (3) (labels (1) still work)
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

  /** Scores for a batch; a single sample is treated as a batch of one. */
  predict(x: NDArray): NDArray {
    const batch = x.ndim === 1 ? reshape(x, [1, x.shape[0]]) : x;
    return dot(batch, this.W);
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(softmax(this.predict(x)), t);
  }
}
