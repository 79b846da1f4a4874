// @mistake fills W column by column (W[i][j] gets the (j·2 + i)-th normal draw) instead of in row-major order as randn(2, 3) does, so W is a permutation of the expected matrix
// @names none
// @review correct by the header: it fixes W as (2, 3) standard-normal draws from the given rng (createRng(0) by default), not the order in which they fill W
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

const W_SHAPE = [2, 3]; // 2 inputs, 3 classes, as the book's simpleNet
const DEFAULT_SEED = 0; // no rng given: a fixed seed, so every run builds the same W

export class SimpleNet {
  W: NDArray;

  /** W: (2, 3) from the standard normal, drawn with rng (the book's np.random.randn(2, 3)). */
  constructor(rng: Rng = createRng(DEFAULT_SEED)) {
    const [rows, cols] = W_SHAPE;
    const data = new Float64Array(rows * cols);
    for (let j = 0; j < cols; j++) {
      for (let i = 0; i < rows; i++) {
        data[i * cols + j] = rng.normal();
      }
    }
    this.W = new NDArray(data, W_SHAPE);
  }

  /** x: (2) → (3), or x: (N, 2) → (N, 3): the scores x·W. */
  predict(x: NDArray): NDArray {
    return dot(x, this.W);
  }

  /** The cross-entropy of softmax(x·W) against t, read from this.W at call time. */
  loss(x: NDArray, t: NDArray): number {
    const z = this.predict(x);
    const y = softmax(z);
    return crossEntropyError(y, t);
  }
}
