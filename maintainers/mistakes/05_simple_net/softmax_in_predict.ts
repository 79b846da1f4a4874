/**
 * @mistake predict returns softmax(x·W), probabilities rather than scores
 * @caughtBy predict is linear in x: predict(αx + βz) = α·predict(x) + β·predict(z)
 * @diagnosis your predict returns probabilities, not scores
 */
import {
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
  constructor(rng: Rng = createRng(0)) {
    this.W = randn([2, 3], rng);
  }
  predict(x: NDArray): NDArray {
    return softmax(dot(x, this.W)); // the mistake: the softmax belongs to loss
  }
  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(this.predict(x), t);
  }
}
