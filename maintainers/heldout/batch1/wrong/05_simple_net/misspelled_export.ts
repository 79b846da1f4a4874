// @mistake the class is exported as simpleNet (the book's Python name, lower-case s) instead of SimpleNet, so importing SimpleNet finds nothing
// @names none
// Exercise 05 · A simple network and its gradient (book 4.4.2)
import {
  createRng,
  crossEntropyError,
  dot,
  NDArray,
  randn,
  softmax,
  type Rng,
} from '../src/index.ts';

const W_SHAPE = [2, 3]; // 2 inputs, 3 classes, as the book's simpleNet
const DEFAULT_SEED = 0; // no rng given: a fixed seed, so every run builds the same W

export class simpleNet {
  W: NDArray;

  /** W: (2, 3) from the standard normal, drawn with rng (the book's np.random.randn(2, 3)). */
  constructor(rng: Rng = createRng(DEFAULT_SEED)) {
    this.W = randn(W_SHAPE, rng);
  }

  /** x: (2) → (3), or x: (N, 2) → (N, 3): the scores x·W. */
  predict(x: NDArray): NDArray {
    return dot(x, this.W);
  }

  /** The cross-entropy of softmax(x·W) against t, read from this.W at call time. */
  loss(x: NDArray, t: NDArray): number {
    const z = this.predict(x);
    const y = softmax(z);
    return crossEntropyError(y, t);
  }
}
