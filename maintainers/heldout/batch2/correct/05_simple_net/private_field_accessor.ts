// @correct keeps the weights in a private #W behind a get/set accessor named W, so reading and assigning net.W still go to the array that predict and loss use
// @names none
// Exercise 05 (book 4.4.2): simpleNet, W (2, 3) ~ N(0, 1), predict = x·W, loss = CE(softmax(x·W), t).
import { createRng, crossEntropyError, dot, NDArray, randn, softmax, type Rng } from '../src/index.ts';

export class SimpleNet {
  #W: NDArray;

  constructor(rng: Rng = createRng(0)) {
    this.#W = randn([2, 3], rng);
  }

  get W(): NDArray {
    return this.#W;
  }

  set W(value: NDArray) {
    this.#W = value;
  }

  predict(x: NDArray): NDArray {
    return dot(x, this.W);
  }

  loss(x: NDArray, t: NDArray): number {
    const scores = this.predict(x);
    const probabilities = softmax(scores);
    return crossEntropyError(probabilities, t);
  }
}
