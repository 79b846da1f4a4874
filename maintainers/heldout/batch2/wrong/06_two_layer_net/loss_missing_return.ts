// @mistake loss computes the cross-entropy but has no return statement, so it returns undefined
// @names none
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
//   (N, O) or labels (N).
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
    this.params = {
      W1: mul(weightInitStd, randn([inputSize, hiddenSize], rng)),
      b1: zeros([hiddenSize]),
      W2: mul(weightInitStd, randn([hiddenSize, outputSize], rng)),
      b2: zeros([outputSize]),
    };
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
    const loss = crossEntropyError(y, t);
  }

  /** The fraction of rows whose argmax matches t: one-hot (N, O) or labels (N). */
  accuracy(x: NDArray, t: NDArray): number {
    const y = argmax(this.predict(x), 1);
    const labels = t.ndim === 2 ? argmax(t, 1) : t;
    let correct = 0;
    for (let i = 0; i < y.size; i++) {
      if (y.data[i] === labels.data[i]) correct++;
    }
    return correct / x.shape[0];
  }

  /** ∂loss/∂param for each param, by central differences through the closure. */
  numericalGradient(x: NDArray, t: NDArray): Params {
    const lossW = () => this.loss(x, t);
    return {
      W1: numericalGradient(lossW, this.params.W1),
      b1: numericalGradient(lossW, this.params.b1),
      W2: numericalGradient(lossW, this.params.W2),
      b2: numericalGradient(lossW, this.params.b2),
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
    const gW2 = dotTN(z1, dy);
    const gb2 = sum(dy, 0);
    const da1 = dotNT(dy, W2);
    const dz1 = mul(sigmoidGrad(a1), da1);
    const gW1 = dotTN(x, dz1);
    const gb1 = sum(dz1, 0);

    return { W1: gW1, b1: gb1, W2: gW2, b2: gb2 };
  }
}
