// @mistake accuracy's own row argmax uses >=, so on tied scores it picks the LAST maximum instead of numpy's first (e.g. all-zero weights give uniform rows: predicted class O−1, not 0); untied rows are right
// @names none
// Exercise 06 · A two-layer network (book 4.5.1)
//   a1 = x·W1 + b1,  z1 = sigmoid(a1),  y = softmax(z1·W2 + b2)
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

export type Params = { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray };

// index of the largest entry of row r of a (rows, cols) buffer
function rowArgmax(data: Float64Array, r: number, cols: number): number {
  let best = 0;
  let bestValue = -Infinity;
  for (let c = 0; c < cols; c++) {
    const v = data[r * cols + c];
    if (v >= bestValue) {
      bestValue = v;
      best = c;
    }
  }
  return best;
}

export class TwoLayerNet {
  params: Params;

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
    const y = this.predict(x);
    const [n, k] = y.shape;
    let correct = 0;
    for (let r = 0; r < n; r++) {
      const label = t.ndim === 1 ? t.data[r] : rowArgmax(t.data, r, k);
      if (rowArgmax(y.data, r, k) === label) correct++;
    }
    return correct / n;
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
    const a1 = add(dot(x, W1), b1);
    const z1 = sigmoid(a1);
    const y = softmax(add(dot(z1, W2), b2));
    const dy = div(sub(y, t), x.shape[0]);
    const dz1 = mul(sigmoidGrad(a1), dotNT(dy, W2));
    return { W1: dotTN(x, dz1), b1: sum(dz1, 0), W2: dotTN(z1, dy), b2: sum(dy, 0) };
  }
}
