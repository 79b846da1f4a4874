// @mistake loss feeds the raw scores x·W to crossEntropyError without softmax, so it is −log(score + 1e-7): wrong for every input and NaN when the target's score is negative
// @names loss_not_softmax
// Exercise 05 · A simple network and its gradient (book 4.4.2)
import {
  createRng,
  crossEntropyError,
  dot,
  NDArray,
  randn,
  type Rng,
} from '../src/index.ts';

export class SimpleNet {
  W: NDArray;

  constructor(rng: Rng = createRng(0)) {
    this.W = randn([2, 3], rng);
  }

  predict(x: NDArray): NDArray {
    return dot(x, this.W);
  }

  loss(x: NDArray, t: NDArray): number {
    const y = this.predict(x);
    return crossEntropyError(y, t);
  }
}
