// @mistake W is filled with rng.random(), uniform in [0, 1) (numpy's rand), instead of the standard normal (randn): every entry is non-negative and W differs from randn([2, 3], rng)
// @names uniform_w
// Exercise 05 · A simple network and its gradient (book 4.4.2)
import {
  createRng,
  crossEntropyError,
  dot,
  NDArray,
  softmax,
  zeros,
  type Rng,
} from '../src/index.ts';

export class SimpleNet {
  W: NDArray;

  constructor(rng: Rng = createRng(0)) {
    const w = zeros([2, 3]);
    for (let i = 0; i < w.size; i++) w.data[i] = rng.random();
    this.W = w;
  }

  predict(x: NDArray): NDArray {
    return dot(x, this.W);
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(softmax(this.predict(x)), t);
  }
}
