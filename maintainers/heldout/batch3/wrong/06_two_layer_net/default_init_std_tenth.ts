// @mistake weightInitStd defaults to 0.1 instead of 0.01, so a net built without that argument has weights ten times too large (an explicit weightInitStd works)
// @names defaults
// Exercise 06 · A two-layer network (book 4.5.1)
//   a1 = x·W1 + b1,  z1 = sigmoid(a1),  y = softmax(z1·W2 + b2)
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
} from '../src/index.ts';

export type Params = { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray };

const WEIGHT_INIT_STD = 0.1;

export class TwoLayerNet {
  params: Params;

  constructor(
    inputSize: number,
    hiddenSize: number,
    outputSize: number,
    weightInitStd = WEIGHT_INIT_STD,
    rng: Rng = createRng(0),
  ) {
    const W1 = mul(randn([inputSize, hiddenSize], rng), weightInitStd);
    const W2 = mul(randn([hiddenSize, outputSize], rng), weightInitStd);
    this.params = { W1, b1: zeros([hiddenSize]), W2, b2: zeros([outputSize]) };
  }

  private forward(x: NDArray) {
    const a1 = add(dot(x, this.params.W1), this.params.b1);
    const z1 = sigmoid(a1);
    const y = softmax(add(dot(z1, this.params.W2), this.params.b2));
    return { a1, z1, y };
  }

  predict(x: NDArray): NDArray {
    return this.forward(x).y;
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(this.predict(x), t);
  }

  accuracy(x: NDArray, t: NDArray): number {
    const predicted = argmax(this.predict(x), 1);
    const expected = t.ndim === 2 ? argmax(t, 1) : t;
    let correct = 0;
    predicted.data.forEach((p, i) => {
      if (p === expected.data[i]) correct++;
    });
    return correct / predicted.size;
  }

  numericalGradient(x: NDArray, t: NDArray): Params {
    const f = () => this.loss(x, t);
    const p = this.params;
    return {
      W1: numericalGradient(f, p.W1),
      b1: numericalGradient(f, p.b1),
      W2: numericalGradient(f, p.W2),
      b2: numericalGradient(f, p.b2),
    };
  }

  gradient(x: NDArray, t: NDArray): Params {
    const { a1, z1, y } = this.forward(x);
    const dy = mul(sub(y, t), 1 / x.shape[0]);
    const dz1 = mul(dotNT(dy, this.params.W2), sigmoidGrad(a1));
    return { W1: dotTN(x, dz1), b1: sum(dz1, 0), W2: dotTN(z1, dy), b2: sum(dy, 0) };
  }
}
