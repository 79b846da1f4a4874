/**
 * @mistake the constructor ignores the rng it is given and always seeds its own
 * @caughtBy the same rng seed gives the same W, and different seeds give different W
 * @diagnosis draw W with randn([2, 3], rng) from the rng you are given
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
  constructor(_rng?: Rng) {
    this.W = randn([2, 3], createRng(1234)); // the mistake: every net gets the same W
  }
  predict(x: NDArray): NDArray {
    return dot(x, this.W);
  }
  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(softmax(this.predict(x)), t);
  }
}
