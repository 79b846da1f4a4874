/**
 * @mistake loss squashes the scores with sigmoid (chapter 3) instead of softmax
 * @caughtBy the book example: x = [0.6, 0.9] and t = [0, 0, 1] give the loss 0.9280682857864075
 * @diagnosis or sigmoid in its place
 */
import {
  createRng,
  crossEntropyError,
  dot,
  NDArray,
  randn,
  sigmoid,
  type Rng,
} from '../../../src/index.ts';

export class SimpleNet {
  W: NDArray;
  constructor(rng: Rng = createRng(0)) {
    this.W = randn([2, 3], rng);
  }
  predict(x: NDArray): NDArray {
    return dot(x, this.W);
  }
  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(sigmoid(this.predict(x)), t); // the mistake: rows do not sum to 1
  }
}
