// @mistake numericalGradient hands src's numericalGradient a copy of each param, so the closure () => this.loss(x, t) never sees the perturbation and every numerical gradient comes back all zeros
// @names numeric_on_copies
// Exercise 06 · A two-layer network (book 4.5.1)
//   a1 = x·W1 + b1,  z1 = sigmoid(a1),  y = softmax(z1·W2 + b2)
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

export type Params = { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray };
const KEYS = ['W1', 'b1', 'W2', 'b2'] as const;

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
    const p = this.params;
    return softmax(add(dot(sigmoid(add(dot(x, p.W1), p.b1)), p.W2), p.b2));
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(this.predict(x), t);
  }

  accuracy(x: NDArray, t: NDArray): number {
    const y = argmax(this.predict(x), 1);
    const labels = t.ndim === 1 ? t : argmax(t, 1);
    let ok = 0;
    for (let i = 0; i < x.shape[0]; i++) if (y.data[i] === labels.data[i]) ok++;
    return ok / x.shape[0];
  }

  numericalGradient(x: NDArray, t: NDArray): Params {
    const lossW = () => this.loss(x, t);
    const grads = {} as Params;
    for (const key of KEYS) {
      // work on a copy so the params are never disturbed
      grads[key] = numericalGradient(lossW, copy(this.params[key]));
    }
    return grads;
  }

  gradient(x: NDArray, t: NDArray): Params {
    const p = this.params;
    const a1 = add(dot(x, p.W1), p.b1);
    const z1 = sigmoid(a1);
    const y = softmax(add(dot(z1, p.W2), p.b2));
    const dy = div(sub(y, t), x.shape[0]);
    const dz1 = mul(sigmoidGrad(a1), dotNT(dy, p.W2));
    return { W1: dotTN(x, dz1), b1: sum(dz1, 0), W2: dotTN(z1, dy), b2: sum(dy, 0) };
  }
}
