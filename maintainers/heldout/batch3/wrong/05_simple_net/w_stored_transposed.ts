// @mistake W is drawn and stored as (3, 2) (one row per class) and predict multiplies by its transpose, so net.W has the wrong shape and the scores differ from x·W of the book's (2, 3) draw
// @names w_shape
// Exercise 05 · A simple network and its gradient (book 4.4.2)
import {
  createRng,
  crossEntropyError,
  dotNT,
  NDArray,
  randn,
  reshape,
  softmax,
  type Rng,
} from '../src/index.ts';

const CLASSES = 3;
const INPUTS = 2;

export class SimpleNet {
  W: NDArray;

  constructor(rng: Rng = createRng(0)) {
    // one weight row per output class
    this.W = randn([CLASSES, INPUTS], rng);
  }

  predict(x: NDArray): NDArray {
    const batch = x.ndim === 1 ? reshape(x, [1, INPUTS]) : x;
    const scores = dotNT(batch, this.W); // (N, 2)·(3, 2)ᵀ → (N, 3)
    return x.ndim === 1 ? reshape(scores, [CLASSES]) : scores;
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(softmax(this.predict(x)), t);
  }
}
