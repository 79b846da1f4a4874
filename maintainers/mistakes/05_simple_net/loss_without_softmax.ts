/**
 * @mistake loss takes the cross-entropy of the raw scores x·W, without the softmax
 * @caughtBy loss is the cross-entropy of softmax(predict(x)), for one-hot and label t
 * @diagnosis does not put the scores through softmax
 */
import { createRng, crossEntropyError, dot, NDArray, randn, type Rng } from '../../../src/index.ts';

export class SimpleNet {
  W: NDArray;
  constructor(rng: Rng = createRng(0)) {
    this.W = randn([2, 3], rng);
  }
  predict(x: NDArray): NDArray {
    return dot(x, this.W);
  }
  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(this.predict(x), t); // the mistake: no softmax
  }
}
