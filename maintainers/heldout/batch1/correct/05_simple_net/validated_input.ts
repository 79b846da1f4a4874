// @correct checks that x's last axis has W's 2 rows and that x is 1-D or 2-D before the product, with the default rng spelled out in the body
// @names none
// Exercise 05 · A simple network and its gradient (book 4.4.2)
import {
  createRng,
  crossEntropyError,
  dot,
  formatShape,
  NDArray,
  randn,
  softmax,
  type Rng,
} from '../src/index.ts';

const W_SHAPE = [2, 3]; // 2 inputs, 3 classes, as the book's simpleNet
const DEFAULT_SEED = 0;

export class SimpleNet {
  W: NDArray;

  constructor(rng?: Rng) {
    if (rng === undefined) rng = createRng(DEFAULT_SEED);
    this.W = randn(W_SHAPE, rng);
  }

  predict(x: NDArray): NDArray {
    if (x.ndim < 1 || x.ndim > 2 || x.shape[x.ndim - 1] !== this.W.shape[0]) {
      throw new Error(`SimpleNet.predict: x ${formatShape(x.shape)} does not fit W ${formatShape(this.W.shape)}`);
    }
    return dot(x, this.W);
  }

  loss(x: NDArray, t: NDArray): number {
    const scores = this.predict(x); // reads this.W now, so perturbations are seen
    const probs = softmax(scores);
    const loss = crossEntropyError(probs, t);
    return loss;
  }
}
