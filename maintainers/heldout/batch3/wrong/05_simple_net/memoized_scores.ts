// @mistake predict caches its result keyed on the x object, so a second call with the same x after W changes (in place or by assignment) returns stale scores; numericalGradient(() => net.loss(x, t), net.W) comes out all zeros
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
  private lastX: NDArray | null = null;
  private lastScores: NDArray | null = null;

  constructor(rng?: Rng) {
    this.W = randn([2, 3], rng ?? createRng(0));
  }

  /** x·W, remembered for the last x so that repeated calls are cheap. */
  predict(x: NDArray): NDArray {
    if (this.lastX === x && this.lastScores !== null) return this.lastScores;
    this.lastX = x;
    this.lastScores = dot(x, this.W);
    return this.lastScores;
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(softmax(this.predict(x)), t);
  }
}
