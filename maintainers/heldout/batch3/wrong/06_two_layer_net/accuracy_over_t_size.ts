// @mistake accuracy divides the number of matches by t.size, which is N for labels but N·O for one-hot t, so with one-hot t the accuracy is O times too small
// @names accuracy_denominator
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
    this.params = {
      W1: mul(randn([inputSize, hiddenSize], rng), weightInitStd),
      b1: zeros([hiddenSize]),
      W2: mul(randn([hiddenSize, outputSize], rng), weightInitStd),
      b2: zeros([outputSize]),
    };
  }

  predict(x: NDArray): NDArray {
    const { W1, b1, W2, b2 } = this.params;
    const a1 = add(dot(x, W1), b1);
    const z1 = sigmoid(a1);
    const a2 = add(dot(z1, W2), b2);
    return softmax(a2);
  }

  loss(x: NDArray, t: NDArray): number {
    const y = this.predict(x);
    return crossEntropyError(y, t);
  }

  accuracy(x: NDArray, t: NDArray): number {
    const y = argmax(this.predict(x), 1);
    const answer = t.ndim !== 1 ? argmax(t, 1) : t;
    let matches = 0;
    for (let n = 0; n < y.size; n++) {
      if (y.data[n] === answer.data[n]) matches += 1;
    }
    return matches / t.size;
  }

  numericalGradient(x: NDArray, t: NDArray): Params {
    const lossW = () => this.loss(x, t);
    const { W1, b1, W2, b2 } = this.params;
    return {
      W1: numericalGradient(lossW, W1),
      b1: numericalGradient(lossW, b1),
      W2: numericalGradient(lossW, W2),
      b2: numericalGradient(lossW, b2),
    };
  }

  gradient(x: NDArray, t: NDArray): Params {
    const { W1, b1, W2, b2 } = this.params;
    const batchNum = x.shape[0];
    const a1 = add(dot(x, W1), b1);
    const z1 = sigmoid(a1);
    const y = softmax(add(dot(z1, W2), b2));
    const dy = div(sub(y, t), batchNum);
    const gradW2 = dotTN(z1, dy);
    const gradb2 = sum(dy, 0);
    const dz1 = mul(sigmoidGrad(a1), dotNT(dy, W2));
    const gradW1 = dotTN(x, dz1);
    const gradb1 = sum(dz1, 0);
    return { W1: gradW1, b1: gradb1, W2: gradW2, b2: gradb2 };
  }
}
