// @correct builds the transposes explicitly with transpose() and dot, takes the bias gradients as ones(N)·dy, and reads the labels for accuracy once with src's argmax; numericalGradient loops over Object.keys
// @names none
// Exercise 06 · A two-layer network (book 4.5.1)
import {
  add,
  argmax,
  createRng,
  crossEntropyError,
  dot,
  full,
  map,
  mul,
  NDArray,
  numericalGradient,
  randn,
  sigmoid,
  sigmoidGrad,
  softmax,
  sub,
  transpose,
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
    const W1 = map(randn([inputSize, hiddenSize], rng), (v) => v * weightInitStd);
    const W2 = map(randn([hiddenSize, outputSize], rng), (v) => v * weightInitStd);
    this.params = { W1, b1: zeros([hiddenSize]), W2, b2: zeros([outputSize]) };
  }

  predict(x: NDArray): NDArray {
    const p = this.params;
    const hidden = sigmoid(add(dot(x, p.W1), p.b1));
    return softmax(add(dot(hidden, p.W2), p.b2));
  }

  loss(x: NDArray, t: NDArray): number {
    const y = this.predict(x);
    return crossEntropyError(y, t);
  }

  accuracy(x: NDArray, t: NDArray): number {
    const labels = t.ndim === 2 ? argmax(t, 1) : t;
    const guesses = argmax(this.predict(x), 1);
    const hits = guesses.data.filter((g, i) => g === labels.data[i]).length;
    return hits / x.shape[0];
  }

  numericalGradient(x: NDArray, t: NDArray): Params {
    const lossW = () => this.loss(x, t);
    const grads: Record<string, NDArray> = {};
    for (const key of Object.keys(this.params) as (keyof Params)[]) {
      grads[key] = numericalGradient(lossW, this.params[key]);
    }
    return grads as Params;
  }

  gradient(x: NDArray, t: NDArray): Params {
    const { W1, b1, W2, b2 } = this.params;
    const n = x.shape[0];
    const a1 = add(dot(x, W1), b1);
    const z1 = sigmoid(a1);
    const y = softmax(add(dot(z1, W2), b2));
    const dy = mul(sub(y, t), 1 / n);
    const ones = full([n], 1);
    const dz1 = mul(dot(dy, transpose(W2)), sigmoidGrad(a1));
    return {
      W1: dot(transpose(x), dz1),
      b1: dot(ones, dz1),
      W2: dot(transpose(z1), dy),
      b2: dot(ones, dy),
    };
  }
}
