// @correct keeps the forward pass in a private #run() method shared by predict and gradient, returns the backprop gradients in one object literal, and computes accuracy by comparing row maxima in a hand loop
// @names none
// Exercise 06 · A two-layer network (book 4.5.1)
import {
  add,
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

const DEFAULT_SEED = 0;

export type Params = { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray };

type Forward = { a1: NDArray; z1: NDArray; y: NDArray };

// index of the first largest entry of row n
function rowArgmax(a: NDArray, n: number): number {
  const k = a.shape[1];
  let best = 0;
  for (let j = 1; j < k; j++) if (a.data[n * k + j] > a.data[n * k + best]) best = j;
  return best;
}

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

  #run(x: NDArray): Forward {
    const p = this.params;
    const a1 = add(dot(x, p.W1), p.b1);
    const z1 = sigmoid(a1);
    const y = softmax(add(dot(z1, p.W2), p.b2));
    return { a1, z1, y };
  }

  predict(x: NDArray): NDArray {
    return this.#run(x).y;
  }

  loss(x: NDArray, t: NDArray): number {
    const y = this.predict(x);
    const value = crossEntropyError(y, t);
    return value;
  }

  accuracy(x: NDArray, t: NDArray): number {
    const y = this.predict(x);
    const n = x.shape[0];
    let correct = 0;
    for (let i = 0; i < n; i++) {
      const label = t.ndim === 2 ? rowArgmax(t, i) : t.data[i];
      if (rowArgmax(y, i) === label) correct += 1;
    }
    return correct / n;
  }

  numericalGradient(x: NDArray, t: NDArray): Params {
    const grad = (p: NDArray) => numericalGradient(() => this.loss(x, t), p);
    const { W1, b1, W2, b2 } = this.params;
    return { W1: grad(W1), b1: grad(b1), W2: grad(W2), b2: grad(b2) };
  }

  gradient(x: NDArray, t: NDArray): Params {
    const { a1, z1, y } = this.#run(x);
    const dy = div(sub(y, t), x.shape[0]);
    const dz1 = mul(sigmoidGrad(a1), dotNT(dy, this.params.W2));
    return {
      W1: dotTN(x, dz1),
      b1: sum(dz1, 0),
      W2: dotTN(z1, dy),
      b2: sum(dy, 0),
    };
  }
}
