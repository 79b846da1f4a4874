// @mistake b1 and b2 are drawn as weightInitStd · randn like the weights instead of starting at 0 (and the extra draws shift W2 in the rng stream), so the initial params differ from any seed's book init
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
  sum,
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
    const init = (shape: number[]) => mul(randn(shape, rng), weightInitStd);
    // small random values everywhere, to break the symmetry
    this.params = {
      W1: init([inputSize, hiddenSize]),
      b1: init([hiddenSize]),
      W2: init([hiddenSize, outputSize]),
      b2: init([outputSize]),
    };
  }

  predict(x: NDArray): NDArray {
    const { W1, b1, W2, b2 } = this.params;
    const z1 = sigmoid(add(dot(x, W1), b1));
    return softmax(add(dot(z1, W2), b2));
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(this.predict(x), t);
  }

  accuracy(x: NDArray, t: NDArray): number {
    const y = argmax(this.predict(x), 1);
    const labels = t.ndim === 1 ? t : argmax(t, 1);
    let hits = 0;
    for (let i = 0; i < y.size; i++) if (y.data[i] === labels.data[i]) hits++;
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
    const n = x.shape[0];
    const a1 = add(dot(x, W1), b1);
    const z1 = sigmoid(a1);
    const y = softmax(add(dot(z1, W2), b2));
    const dy = div(sub(y, t), n);
    const dz1 = mul(sigmoidGrad(a1), dotNT(dy, W2));
    return { W1: dotTN(x, dz1), b1: sum(dz1, 0), W2: dotTN(z1, dy), b2: sum(dy, 0) };
  }
}
