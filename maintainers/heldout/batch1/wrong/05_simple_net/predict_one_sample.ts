// @mistake predict is a hand loop that only computes the first sample's scores and always returns shape (3), so a batch x of shape (N, 2) gets (3) instead of (N, 3) (right for a single 1-D x)
// @names none
// Exercise 05 · A simple network and its gradient (book 4.4.2)
import {
  array,
  createRng,
  crossEntropyError,
  NDArray,
  randn,
  softmax,
  type Rng,
} from '../src/index.ts';

const W_SHAPE = [2, 3]; // 2 inputs, 3 classes, as the book's simpleNet
const DEFAULT_SEED = 0; // no rng given: a fixed seed, so every run builds the same W

export class SimpleNet {
  W: NDArray;

  /** W: (2, 3) from the standard normal, drawn with rng (the book's np.random.randn(2, 3)). */
  constructor(rng: Rng = createRng(DEFAULT_SEED)) {
    this.W = randn(W_SHAPE, rng);
  }

  /** x: (2) → (3): the scores x·W. */
  predict(x: NDArray): NDArray {
    const scores: number[] = [];
    for (let j = 0; j < 3; j++) {
      scores.push(x.data[0] * this.W.data[j] + x.data[1] * this.W.data[3 + j]);
    }
    return array(scores);
  }

  /** The cross-entropy of softmax(x·W) against t, read from this.W at call time. */
  loss(x: NDArray, t: NDArray): number {
    const z = this.predict(x);
    const y = softmax(z);
    return crossEntropyError(y, t);
  }
}
