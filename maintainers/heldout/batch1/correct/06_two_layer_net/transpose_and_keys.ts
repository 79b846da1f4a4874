// @correct uses transpose + dot instead of dotTN/dotNT, builds both gradient dictionaries by looping over the parameter names, and turns labels/one-hot into labels with a helper
// @names none
// Exercise 06 · A two-layer network (book 4.5.1)
import {
  add,
  argmax,
  createRng,
  crossEntropyError,
  div,
  dot,
  mul,
  NDArray,
  numericalGradient,
  randn,
  sigmoid,
  sigmoidGrad,
  softmax,
  sub,
  sum,
  transpose,
  zeros,
  type Rng,
} from '../src/index.ts';

export type Params = { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray };
const NAMES = ['W1', 'b1', 'W2', 'b2'] as const;

function labelsOf(t: NDArray): NDArray {
  return t.ndim === 1 ? t : argmax(t, 1);
}

export class TwoLayerNet {
  params: Params;

  constructor(
    inputSize: number,
    hiddenSize: number,
    outputSize: number,
    weightInitStd = 0.01,
    rng?: Rng,
  ) {
    const r = rng ?? createRng(0);
    const params = {} as Params;
    params.W1 = mul(randn([inputSize, hiddenSize], r), weightInitStd);
    params.b1 = zeros([hiddenSize]);
    params.W2 = mul(randn([hiddenSize, outputSize], r), weightInitStd);
    params.b2 = zeros([outputSize]);
    this.params = params;
  }

  predict(x: NDArray): NDArray {
    const { W1, b1, W2, b2 } = this.params;
    const z1 = sigmoid(add(dot(x, W1), b1));
    return softmax(add(dot(z1, W2), b2));
  }

  loss(x: NDArray, t: NDArray): number {
    const y = this.predict(x);
    return crossEntropyError(y, t);
  }

  accuracy(x: NDArray, t: NDArray): number {
    const predicted = argmax(this.predict(x), 1);
    const expected = labelsOf(t);
    const correct = predicted.data.filter((c, n) => c === expected.data[n]).length;
    return correct / x.shape[0];
  }

  numericalGradient(x: NDArray, t: NDArray): Params {
    const lossW = (_W: NDArray) => this.loss(x, t);
    const grads = {} as Params;
    for (const name of NAMES) grads[name] = numericalGradient(lossW, this.params[name]);
    return grads;
  }

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
    const grads = {} as Params;
    grads.W2 = dot(transpose(z1), dy);
    grads.b2 = sum(dy, 0);
    const da1 = dot(dy, transpose(W2));
    const dz1 = mul(sigmoidGrad(a1), da1);
    grads.W1 = dot(transpose(x), dz1);
    grads.b1 = sum(dz1, 0);
    return grads;
  }
}
