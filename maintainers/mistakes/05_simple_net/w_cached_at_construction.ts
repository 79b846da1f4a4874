/**
 * @mistake loss multiplies by a copy of W made in the constructor, so changes to net.W go unseen
 * @caughtBy the numerical gradient of f(W) = net.loss(x, t) equals the closed form (softmax(x·W) − t) ⊗ x
 * @diagnosis does not see net.W change
 */
import {
  copy,
  createRng,
  crossEntropyError,
  dot,
  NDArray,
  randn,
  softmax,
  type Rng,
} from '../../../src/index.ts';

export class SimpleNet {
  W: NDArray;
  private readonly frozen: NDArray;
  constructor(rng: Rng = createRng(0)) {
    this.W = randn([2, 3], rng);
    this.frozen = copy(this.W); // the mistake: a snapshot that numericalGradient never touches
  }
  predict(x: NDArray): NDArray {
    return dot(x, this.frozen);
  }
  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(softmax(this.predict(x)), t);
  }
}
