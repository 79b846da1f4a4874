// @mistake the constructor always draws W from a fresh createRng(0) and ignores the rng passed in, so nets built with different rngs (or createRng(7)) all get the seed-0 W and the given rng is not advanced
// @names rng_ignored
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

const SEED = 0;

export class SimpleNet {
  W: NDArray;

  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  constructor(rng?: Rng) {
    const source = createRng(SEED); // reproducible weights
    this.W = randn([2, 3], source);
  }

  predict(x: NDArray): NDArray {
    return dot(x, this.W);
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(softmax(this.predict(x)), t);
  }
}
