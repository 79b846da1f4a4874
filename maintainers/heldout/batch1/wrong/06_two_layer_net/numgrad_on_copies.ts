// @mistake numericalGradient passes copies of the parameters to src's numericalGradient, so the closure () => this.loss(x, t) never sees the perturbation and every numerical gradient is 0
// @names numeric_on_copies
// Exercise 06 · A two-layer network (book 4.5.1)
//
//   a1 = x·W1 + b1,  z1 = sigmoid(a1),  y = softmax(z1·W2 + b2)
//   x: (N, I), W1: (I, H), b1: (H), W2: (H, O), b2: (O) → y: (N, O)
import {
  add,
  argmax,
  copy,
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

const DEFAULT_SEED = 0; // no rng given: a fixed seed, so every run builds the same net

export type Params = { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray };

export class TwoLayerNet {
  params: Params;

  constructor(
    inputSize: number,
    hiddenSize: number,
    outputSize: number,
    weightInitStd = 0.01,
    rng: Rng = createRng(DEFAULT_SEED),
  ) {
    const W1 = mul(weightInitStd, randn([inputSize, hiddenSize], rng));
    const b1 = zeros([hiddenSize]);
    const W2 = mul(weightInitStd, randn([hiddenSize, outputSize], rng));
    const b2 = zeros([outputSize]);
    this.params = { W1, b1, W2, b2 };
  }

  /** x: (N, I) → the class probabilities (N, O). */
  predict(x: NDArray): NDArray {
    const { W1, b1, W2, b2 } = this.params;
    const a1 = add(dot(x, W1), b1);
    const z1 = sigmoid(a1);
    const a2 = add(dot(z1, W2), b2);
    return softmax(a2);
  }

  /** The cross-entropy of predict(x) against one-hot t: (N, O). */
  loss(x: NDArray, t: NDArray): number {
    const y = this.predict(x);
    return crossEntropyError(y, t);
  }

  /** The fraction of rows whose argmax matches t: one-hot (N, O) or labels (N). */
  accuracy(x: NDArray, t: NDArray): number {
    const y = argmax(this.predict(x), 1);
    const labels = t.ndim === 2 ? argmax(t, 1) : t;
    let correct = 0;
    for (let n = 0; n < y.size; n++) {
      if (y.data[n] === labels.data[n]) correct++;
    }
    return correct / x.shape[0];
  }

  /** ∂loss/∂param for each param, by central differences through the closure. */
  numericalGradient(x: NDArray, t: NDArray): Params {
    const lossW = () => this.loss(x, t);
    return {
      W1: numericalGradient(lossW, copy(this.params.W1)),
      b1: numericalGradient(lossW, copy(this.params.b1)),
      W2: numericalGradient(lossW, copy(this.params.W2)),
      b2: numericalGradient(lossW, copy(this.params.b2)),
    };
  }

  /** The same gradients by backpropagation: t one-hot (N, O). */
  gradient(x: NDArray, t: NDArray): Params {
    const { W1, b1, W2, b2 } = this.params;
    const batchNum = x.shape[0];

    // forward
    const a1 = add(dot(x, W1), b1);
    const z1 = sigmoid(a1);
    const a2 = add(dot(z1, W2), b2);
    const y = softmax(a2);

    // backward
    const dy = div(sub(y, t), batchNum);
    const gradW2 = dotTN(z1, dy);
    const gradb2 = sum(dy, 0);
    const da1 = dotNT(dy, W2);
    const dz1 = mul(sigmoidGrad(a1), da1);
    const gradW1 = dotTN(x, dz1);
    const gradb1 = sum(dz1, 0);

    return { W1: gradW1, b1: gradb1, W2: gradW2, b2: gradb2 };
  }
}
