// @mistake predict and loss are arrow fields closing over the W drawn in the constructor, so after `net.W = other` they still use the old matrix (in-place edits of the original W are seen; reassignment is not)
// @names stale_w
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

export class SimpleNet {
  W: NDArray;
  predict: (x: NDArray) => NDArray;
  loss: (x: NDArray, t: NDArray) => number;

  constructor(rng: Rng = createRng(0)) {
    const weights = randn([2, 3], rng);
    this.W = weights;
    // bound once, so they can be passed around as callbacks
    this.predict = (x) => dot(x, weights);
    this.loss = (x, t) => crossEntropyError(softmax(this.predict(x)), t);
  }
}
