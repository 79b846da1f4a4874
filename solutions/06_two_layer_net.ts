// Exercise 06 · A two-layer network (book 4.5.1)
//
//   a1 = x·W1 + b1,  z1 = sigmoid(a1),  y = softmax(z1·W2 + b2)
//
// - params: W1 (I, H), b1 (H), W2 (H, O), b2 (O), for I inputs, H hidden units and O
//   outputs. The weights are weightInitStd · randn(shape, rng); the biases start at 0.
//   weightInitStd defaults to 0.01; without an rng the net uses createRng(0), so every such
//   net starts with the same params.
// - predict takes x (N, I) and returns y (N, O): each row the probabilities of the O classes.
// - loss is crossEntropyError(predict(x), t) for one-hot t (N, O): a number.
// - accuracy is the fraction of rows whose argmax of y matches the answer; t is one-hot
//   (N, O) or labels (N). Where a row's largest scores tie, argmax takes the first of them,
//   as numpy's and src's argmax do.
// - numericalGradient takes each gradient with src's numericalGradient through the closure
//   () => this.loss(x, t), as the book does, and leaves the params as they were.
// - gradient is the book's fast version, backpropagation (chapter 5), for one-hot t (N, O):
//   with dy = (y − t) / N,
//     dW2 = z1ᵀ·dy,  db2 = Σₙ dy,  dz1 = sigmoidGrad(a1) ⊙ (dy·W2ᵀ),  dW1 = xᵀ·dz1,  db1 = Σₙ dz1
// - Both gradients return new arrays in a new { W1, b1, W2, b2 }, of the params' shapes: a
//   later call never changes an earlier result.
// - No method changes x or t, and only numericalGradient moves the params, putting each back.
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
    const dy = div(sub(y, t), x.shape[0]); // the batch mean of the loss gives its 1/N
    const dz1 = mul(sigmoidGrad(a1), dotNT(dy, W2));
    return { W1: dotTN(x, dz1), b1: sum(dz1, 0), W2: dotTN(z1, dy), b2: sum(dy, 0) };
  }
}
