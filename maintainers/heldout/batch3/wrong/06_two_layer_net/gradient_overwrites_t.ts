// @mistake gradient computes dy = (y − t) / N into t's own buffer to save an allocation, so t is overwritten after one call and a second gradient or loss with the same t is wrong
// @names none
// Exercise 06 · A two-layer network (book 4.5.1)
//   a1 = x·W1 + b1,  z1 = sigmoid(a1),  y = softmax(z1·W2 + b2)
import {
  add,
  argmax,
  createRng,
  crossEntropyError,
  dot,
  dotNT,
  dotTN,
  mul,
  NDArray,
  numericalGradient,
  randn,
  sigmoid,
  sigmoidGrad,
  softmax,
  sum,
  zeros,
  type Rng,
} from '../src/index.ts';

export type Params = { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray };

export class TwoLayerNet {
  params: Params;

  constructor(
    inputSize: number,
    hiddenSize: number,
    outputSize: number,
    weightInitStd = 0.01,
    rng: Rng = createRng(0),
  ) {
    this.params = {
      W1: mul(randn([inputSize, hiddenSize], rng), weightInitStd),
      b1: zeros([hiddenSize]),
      W2: mul(randn([hiddenSize, outputSize], rng), weightInitStd),
      b2: zeros([outputSize]),
    };
  }

  predict(x: NDArray): NDArray {
    const { W1, b1, W2, b2 } = this.params;
    const z1 = sigmoid(add(dot(x, W1), b1));
    return softmax(add(dot(z1, W2), b2));
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(this.predict(x), t);
  }

  accuracy(x: NDArray, t: NDArray): number {
    const n = x.shape[0];
    const y = argmax(this.predict(x), 1);
    const answers = t.ndim === 1 ? t : argmax(t, 1);
    let hit = 0;
    for (let i = 0; i < n; i++) if (y.data[i] === answers.data[i]) hit++;
    return hit / n;
  }

  numericalGradient(x: NDArray, t: NDArray): Params {
    const lossW = () => this.loss(x, t);
    return {
      W1: numericalGradient(lossW, this.params.W1),
      b1: numericalGradient(lossW, this.params.b1),
      W2: numericalGradient(lossW, this.params.W2),
      b2: numericalGradient(lossW, this.params.b2),
    };
  }

  gradient(x: NDArray, t: NDArray): Params {
    const { W1, b1, W2 } = this.params;
    const batch = x.shape[0];
    const a1 = add(dot(x, W1), b1);
    const z1 = sigmoid(a1);
    const y = softmax(add(dot(z1, W2), this.params.b2));
    // dy = (y - t) / N, written straight into the t buffer (same shape, no new array)
    const dy = t;
    for (let i = 0; i < dy.size; i++) dy.data[i] = (y.data[i] - t.data[i]) / batch;
    const dz1 = mul(sigmoidGrad(a1), dotNT(dy, W2));
    return { W1: dotTN(x, dz1), b1: sum(dz1, 0), W2: dotTN(z1, dy), b2: sum(dy, 0) };
  }
}
