/**
 * @mistake gradient does not divide y − t by the batch size
 * @caughtBy gradients are batch means: duplicating the batch leaves gradient unchanged
 * @diagnosis your gradient changes when the batch is stacked twice
 */
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
} from '../../../src/index.ts';

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
    const scaled = (shape: number[]) => mul(randn(shape, rng), weightInitStd);
    this.params = {
      W1: scaled([inputSize, hiddenSize]),
      b1: zeros([hiddenSize]),
      W2: scaled([hiddenSize, outputSize]),
      b2: zeros([outputSize]),
    };
  }

  /** x: (N, I) → the class probabilities (N, O). */
  predict(x: NDArray): NDArray {
    const { W1, b1, W2, b2 } = this.params;
    const z1 = sigmoid(add(dot(x, W1), b1));
    return softmax(add(dot(z1, W2), b2));
  }

  /** The cross-entropy of predict(x) against one-hot t: (N, O). */
  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(this.predict(x), t);
  }

  /** The fraction of rows whose argmax matches t: one-hot (N, O) or labels (N). */
  accuracy(x: NDArray, t: NDArray): number {
    const y = argmax(this.predict(x), 1);
    const labels = t.ndim === 2 ? argmax(t, 1) : t;
    let hits = 0;
    for (let n = 0; n < y.size; n++) if (y.data[n] === labels.data[n]) hits++;
    return hits / x.shape[0];
  }

  /** ∂loss/∂param for each param, by central differences through the closure. */
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

  /** The same gradients by backpropagation: t one-hot (N, O). */
  gradient(x: NDArray, t: NDArray): Params {
    const { W1, b1, W2, b2 } = this.params;
    const a1 = add(dot(x, W1), b1);
    const z1 = sigmoid(a1);
    const y = softmax(add(dot(z1, W2), b2));
    const dy = sub(y, t); // the mistake: no 1/N
    const dz1 = mul(sigmoidGrad(a1), dotNT(dy, W2));
    return { W1: dotTN(x, dz1), b1: sum(dz1, 0), W2: dotTN(z1, dy), b2: sum(dy, 0) };
  }
}
