// Exercise 05 · A simple network and its gradient (book 4.4.2)
//
// The smallest network: one weight matrix W, no bias, no hidden layer.
//
//   predict(x) = x·W                       x: (2) → (3), or x: (N, 2) → (N, 3); W: (2, 3)
//   loss(x, t) = CE(softmax(x·W), t)       src's softmax and crossEntropyError; t one-hot or labels
//
// The section's point is ∂L/∂W, found numerically through a closure that ignores its argument:
//   const dW = numericalGradient(() => net.loss(x, t), net.W);
// numericalGradient perturbs net.W in place, so loss must read this.W every time it runs.
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

export class SimpleNet {
  W: NDArray;

  /** W: (2, 3) from the standard normal, drawn with rng (the book's np.random.randn(2, 3)). */
  constructor(rng: Rng = createRng(DEFAULT_SEED)) {
    // TODO: draw W of shape W_SHAPE from the standard normal with rng (src's randn).
    throw new Error('TODO: SimpleNet constructor (book 4.4.2)');
  }

  /** x: (2) → (3), or x: (N, 2) → (N, 3): the scores x·W. */
  predict(x: NDArray): NDArray {
    // TODO: return the matrix product x·W.
    throw new Error('TODO: SimpleNet.predict (book 4.4.2)');
  }

  /** The cross-entropy of softmax(x·W) against t, read from this.W at call time. */
  loss(x: NDArray, t: NDArray): number {
    // TODO: predict, turn the scores into probabilities with softmax, then crossEntropyError.
    throw new Error('TODO: SimpleNet.loss (book 4.4.2)');
  }
}
