// @mistake gradient uses dy = y − t without dividing by the batch size N, so every backprop gradient is N times the numerical one (right only when N = 1)
// @names gradient_scale
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
  sub,
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
      W1: mul(weightInitStd, randn([inputSize, hiddenSize], rng)),
      b1: zeros([hiddenSize]),
      W2: mul(weightInitStd, randn([hiddenSize, outputSize], rng)),
      b2: zeros([outputSize]),
    };
  }

  predict(x: NDArray): NDArray {
    const h = sigmoid(add(dot(x, this.params.W1), this.params.b1));
    return softmax(add(dot(h, this.params.W2), this.params.b2));
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(this.predict(x), t);
  }

  accuracy(x: NDArray, t: NDArray): number {
    const guess = argmax(this.predict(x), 1);
    const truth = t.ndim === 2 ? argmax(t, 1) : t;
    let right = 0;
    for (let i = 0; i < guess.size; i++) right += guess.data[i] === truth.data[i] ? 1 : 0;
    return right / guess.size;
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
    const { W1, b1, W2, b2 } = this.params;
    const a1 = add(dot(x, W1), b1);
    const z1 = sigmoid(a1);
    const y = softmax(add(dot(z1, W2), b2));
    // softmax + cross-entropy: the error signal is simply y - t
    const dy = sub(y, t);
    const dz1 = mul(sigmoidGrad(a1), dotNT(dy, W2));
    return { W1: dotTN(x, dz1), b1: sum(dz1, 0), W2: dotTN(z1, dy), b2: sum(dy, 0) };
  }
}
