// @mistake backprop takes sigmoidGrad(z1), of the sigmoid's output, instead of sigmoidGrad(a1), of the pre-activation, so dW1 and db1 are wrong (dW2 and db2 are right)
// @names hidden_local_gradient
// Exercise 06 · A two-layer network (book 4.5.1)
//   a1 = x·W1 + b1,  z1 = sigmoid(a1),  y = softmax(z1·W2 + b2)
import {
  add,
  argmax,
  createRng,
  crossEntropyError,
  div,
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
    const W1 = mul(randn([inputSize, hiddenSize], rng), weightInitStd);
    const b1 = zeros([hiddenSize]);
    const W2 = mul(randn([hiddenSize, outputSize], rng), weightInitStd);
    const b2 = zeros([outputSize]);
    this.params = { W1, b1, W2, b2 };
  }

  predict(x: NDArray): NDArray {
    const { W1, b1, W2, b2 } = this.params;
    return softmax(add(dot(sigmoid(add(dot(x, W1), b1)), W2), b2));
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(this.predict(x), t);
  }

  accuracy(x: NDArray, t: NDArray): number {
    const y = argmax(this.predict(x), 1);
    const label = t.ndim === 1 ? t : argmax(t, 1);
    let n = 0;
    y.data.forEach((v, i) => (n += v === label.data[i] ? 1 : 0));
    return n / y.size;
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
    const dy = div(sub(y, t), x.shape[0]);
    const da1 = dotNT(dy, W2);
    // derivative of the hidden activation
    const dz1 = mul(sigmoidGrad(z1), da1);
    return { W1: dotTN(x, dz1), b1: sum(dz1, 0), W2: dotTN(z1, dy), b2: sum(dy, 0) };
  }
}
