/**
 * @mistake W is stored as (3, 2), the transpose of the book's, and predict multiplies by Wᵀ
 * @caughtBy W is (2, 3) and drawn from the standard normal: pooled over 300 seeds it fits N(0, 1)
 */
import {
  createRng,
  crossEntropyError,
  dot,
  NDArray,
  randn,
  softmax,
  transpose,
  type Rng,
} from '../../../src/index.ts';

export class SimpleNet {
  W: NDArray;
  constructor(rng: Rng = createRng(0)) {
    this.W = randn([3, 2], rng); // the mistake: (outputs, inputs), as in W·x
  }
  predict(x: NDArray): NDArray {
    return dot(x, transpose(this.W));
  }
  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(softmax(this.predict(x)), t);
  }
}
