// @mistake predict leaves out the output bias (y = softmax(z1·W2)), invisible while b2 is the initial zeros but wrong once b2 is nonzero; numericalGradient of b2 is then all zeros while gradient's db2 is not
// @names bias_left_out
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
    const W2 = mul(randn([hiddenSize, outputSize], rng), weightInitStd);
    this.params = { W1, b1: zeros([hiddenSize]), W2, b2: zeros([outputSize]) };
  }

  predict(x: NDArray): NDArray {
    const { W1, b1, W2 } = this.params;
    const z1 = sigmoid(add(dot(x, W1), b1));
    return softmax(dot(z1, W2));
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(this.predict(x), t);
  }

  accuracy(x: NDArray, t: NDArray): number {
    const y = argmax(this.predict(x), 1);
    const expected = t.ndim === 1 ? t : argmax(t, 1);
    let count = 0;
    for (let i = 0; i < y.size; i++) if (y.data[i] === expected.data[i]) count++;
    return count / x.shape[0];
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
    const dz1 = mul(sigmoidGrad(a1), dotNT(dy, W2));
    return { W1: dotTN(x, dz1), b1: sum(dz1, 0), W2: dotTN(z1, dy), b2: sum(dy, 0) };
  }
}
