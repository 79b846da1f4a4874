// @mistake loss computes its own −Σ t·log(y + δ) (the book's one-hot formula, without dividing by N) instead of src's crossEntropyError, so label t like [2] gives a wrong loss and a batch loss is N times too big (right for one one-hot sample)
// @names none
// Exercise 05 · A simple network and its gradient (book 4.4.2)
import {
  add,
  createRng,
  dot,
  log,
  mul,
  NDArray,
  randn,
  softmax,
  sum,
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

  /** x: (2) → (3), or x: (N, 2) → (N, 3): the scores x·W. */
  predict(x: NDArray): NDArray {
    return dot(x, this.W);
  }

  /** The cross-entropy of softmax(x·W) against t. */
  loss(x: NDArray, t: NDArray): number {
    const y = softmax(this.predict(x));
    return -sum(mul(t, log(add(y, 1e-7))));
  }
}
