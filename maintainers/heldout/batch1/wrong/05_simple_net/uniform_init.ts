// @mistake draws W uniformly from [0, 1) with rng.random() (np.random.rand) instead of from the standard normal with randn / rng.normal()
// @names uniform_w
// Exercise 05 · A simple network and its gradient (book 4.4.2)
import {
  createRng,
  crossEntropyError,
  dot,
  NDArray,
  softmax,
  zeros,
  type Rng,
} from '../src/index.ts';

const W_SHAPE = [2, 3]; // 2 inputs, 3 classes, as the book's simpleNet
const DEFAULT_SEED = 0; // no rng given: a fixed seed, so every run builds the same W

export class SimpleNet {
  W: NDArray;

  /** W: (2, 3) random, drawn with rng. */
  constructor(rng: Rng = createRng(DEFAULT_SEED)) {
    this.W = zeros(W_SHAPE);
    for (let i = 0; i < this.W.size; i++) this.W.data[i] = rng.random();
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
