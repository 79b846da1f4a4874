/**
 * @mistake W is drawn uniformly from [−√3, √3): mean 0 and variance 1, but not normal
 * @caughtBy W is (2, 3) and drawn from the standard normal: pooled over 300 seeds it fits N(0, 1)
 * @diagnosis does not look like standard normal draws
 */
import {
  createRng,
  crossEntropyError,
  dot,
  NDArray,
  softmax,
  type Rng,
} from '../../../src/index.ts';

export class SimpleNet {
  W: NDArray;
  constructor(rng: Rng = createRng(0)) {
    const data = Float64Array.from({ length: 6 }, () => Math.sqrt(3) * (2 * rng.random() - 1));
    this.W = new NDArray(data, [2, 3]);
  }
  predict(x: NDArray): NDArray {
    return dot(x, this.W);
  }
  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(softmax(this.predict(x)), t);
  }
}
