// @mistake gradient writes into four gradient arrays allocated once in the constructor and returns them every time, so a second gradient call overwrites the arrays of the first result
// @names none
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
  zeros,
  zerosLike,
  type Rng,
} from '../src/index.ts';

export type Params = { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray };

export class TwoLayerNet {
  params: Params;
  private grads: Params; // allocated once, refilled by every gradient() call

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
    this.grads = {
      W1: zerosLike(this.params.W1),
      b1: zerosLike(this.params.b1),
      W2: zerosLike(this.params.W2),
      b2: zerosLike(this.params.b2),
    };
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
    let hits = 0;
    for (let i = 0; i < y.size; i++) if (y.data[i] === label.data[i]) hits++;
    return hits / x.shape[0];
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
    const g = this.grads;
    const a1 = add(dot(x, W1), b1);
    const z1 = sigmoid(a1);
    const y = softmax(add(dot(z1, W2), b2));
    const dy = div(sub(y, t), x.shape[0]);
    const dz1 = mul(sigmoidGrad(a1), dotNT(dy, W2));
    dotTN(z1, dy, g.W2);
    dotTN(x, dz1, g.W1);
    // column sums over the batch
    const [n, h] = dz1.shape;
    const o = dy.shape[1];
    g.b1.data.fill(0);
    g.b2.data.fill(0);
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < h; j++) g.b1.data[j] += dz1.data[r * h + j];
      for (let k = 0; k < o; k++) g.b2.data[k] += dy.data[r * o + k];
    }
    return g;
  }
}
