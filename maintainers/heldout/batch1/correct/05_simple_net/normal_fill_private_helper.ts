// @correct fills W element by element with rng.normal() in row-major order (what randn does) and routes loss through a private probabilities() helper
// @names none
// Exercise 05 · A simple network and its gradient (book 4.4.2)
import { createRng, crossEntropyError, dot, NDArray, softmax, zeros, type Rng } from '../src/index.ts';

export class SimpleNet {
  W: NDArray;

  constructor(rng?: Rng) {
    const r = rng ?? createRng(0); // a fresh generator for each net without one
    const W = zeros([2, 3]);
    for (let i = 0; i < W.size; i++) W.data[i] = r.normal(); // Gaussian init
    this.W = W;
  }

  predict(x: NDArray): NDArray {
    return dot(x, this.W);
  }

  private probabilities(x: NDArray): NDArray {
    return softmax(this.predict(x));
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(this.probabilities(x), t);
  }
}
