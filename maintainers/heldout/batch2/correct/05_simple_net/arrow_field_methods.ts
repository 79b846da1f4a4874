// @correct predict and loss are arrow-function class fields (bound per instance) instead of prototype methods, with the default rng built by a static helper
// @names none
// Exercise 05 · A simple network and its gradient (book 4.4.2)
//
// The smallest network: one weight matrix W, no bias, no hidden layer.
//
//   predict(x) = x·W                       the scores, before any softmax
//   loss(x, t) = crossEntropyError(softmax(predict(x)), t)
//
// - W is (2, 3), drawn from the standard normal with the rng given (src's randn). Without an
//   rng the net uses createRng(0), so every such net starts with the same W.
// - predict takes x of shape (2), one sample, giving (3); or (N, 2), a batch, giving (N, 3).
// - loss uses src's softmax and crossEntropyError; t is one-hot of predict's shape, or labels:
//   (N) for a batch, (1) for one sample. It returns a number.
// - predict and loss use this.W as it is when they run: assigning net.W, or changing its
//   elements in place as numericalGradient does, changes their results.
// - The section's point is ∂L/∂W through a closure that ignores its argument:
//     const dW = numericalGradient(() => net.loss(x, t), net.W);
// - Neither predict nor loss changes x, t or W.
import { createRng, crossEntropyError, dot, NDArray, randn, softmax, type Rng } from '../src/index.ts';

const W_SHAPE = [2, 3]; // 2 inputs, 3 classes, as the book's simpleNet
const DEFAULT_SEED = 0; // no rng given: a fixed seed, so every run builds the same W

export class SimpleNet {
  W: NDArray;

  private static freshRng(): Rng {
    return createRng(DEFAULT_SEED);
  }

  constructor(rng?: Rng) {
    this.W = randn(W_SHAPE, rng ?? SimpleNet.freshRng());
  }

  /** x: (2) → (3), or x: (N, 2) → (N, 3): the scores x·W, with W read when called. */
  predict = (x: NDArray): NDArray => dot(x, this.W);

  /** The cross-entropy of softmax(x·W) against t. */
  loss = (x: NDArray, t: NDArray): number => crossEntropyError(softmax(this.predict(x)), t);
}
