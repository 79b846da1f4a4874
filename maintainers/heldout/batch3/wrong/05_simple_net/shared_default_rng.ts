// @mistake the default rng is one module-level createRng(0) shared by every net, so a second `new SimpleNet()` draws different W from the first (shows on any second construction without an rng)
// @names default_varies
// Exercise 05 · A simple network and its gradient (book 4.4.2)
//   predict(x) = x·W,  loss(x, t) = crossEntropyError(softmax(predict(x)), t)
import {
  createRng,
  crossEntropyError,
  dot,
  NDArray,
  randn,
  softmax,
  type Rng,
} from '../src/index.ts';

const W_SHAPE = [2, 3];
const DEFAULT_RNG = createRng(0); // build it once instead of on every construction

export class SimpleNet {
  W: NDArray;

  constructor(rng: Rng = DEFAULT_RNG) {
    this.W = randn(W_SHAPE, rng);
  }

  predict(x: NDArray): NDArray {
    return dot(x, this.W);
  }

  loss(x: NDArray, t: NDArray): number {
    const z = this.predict(x);
    const y = softmax(z);
    return crossEntropyError(y, t);
  }
}
