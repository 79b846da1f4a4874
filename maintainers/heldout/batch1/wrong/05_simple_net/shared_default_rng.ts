// @mistake the default generator is one module-level createRng(0) shared by all nets, so only the first net built without an rng gets createRng(0)'s W and every later default net gets a different W
// @names default_varies
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

const defaultRng = createRng(DEFAULT_SEED);

export class SimpleNet {
  W: NDArray;

  /** W: (2, 3) from the standard normal, drawn with rng (the book's np.random.randn(2, 3)). */
  constructor(rng: Rng = defaultRng) {
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
