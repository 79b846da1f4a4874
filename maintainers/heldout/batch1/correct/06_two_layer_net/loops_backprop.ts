// @correct gradient's products and bias sums are hand-written loops (no dotTN/dotNT/sum), with one private forward() shared by predict and gradient
// @names none
// Exercise 06 · A two-layer network (book 4.5.1)
import {
  add,
  argmax,
  createRng,
  crossEntropyError,
  dot,
  mul,
  NDArray,
  numericalGradient,
  randn,
  sigmoid,
  sigmoidGrad,
  softmax,
  zeros,
  type Rng,
} from '../src/index.ts';

const DEFAULT_SEED = 0;

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
    const W1 = mul(weightInitStd, randn([inputSize, hiddenSize], rng));
    const W2 = mul(weightInitStd, randn([hiddenSize, outputSize], rng));
    this.params = { W1, b1: zeros([hiddenSize]), W2, b2: zeros([outputSize]) };
  }

  private forward(x: NDArray): { a1: NDArray; z1: NDArray; y: NDArray } {
    const { W1, b1, W2, b2 } = this.params;
    const a1 = add(dot(x, W1), b1);
    const z1 = sigmoid(a1);
    const y = softmax(add(dot(z1, W2), b2));
    return { a1, z1, y };
  }

  predict(x: NDArray): NDArray {
    return this.forward(x).y;
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(this.predict(x), t);
  }

  accuracy(x: NDArray, t: NDArray): number {
    const y = argmax(this.predict(x), 1);
    const labels = t.ndim === 2 ? argmax(t, 1) : t;
    let hits = 0;
    for (let n = 0; n < y.size; n++) if (y.data[n] === labels.data[n]) hits++;
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
    const { W2 } = this.params;
    const [N, I] = x.shape;
    const H = W2.shape[0];
    const O = W2.shape[1];
    const { a1, z1, y } = this.forward(x);

    // dy = (y - t) / N
    const dy = new Float64Array(N * O);
    for (let k = 0; k < N * O; k++) dy[k] = (y.data[k] - t.data[k]) / N;

    const gW2 = new Float64Array(H * O);
    const gb2 = new Float64Array(O);
    for (let n = 0; n < N; n++) {
      for (let o = 0; o < O; o++) {
        const d = dy[n * O + o];
        gb2[o] += d;
        for (let h = 0; h < H; h++) gW2[h * O + o] += z1.data[n * H + h] * d;
      }
    }

    // dz1 = sigmoidGrad(a1) * (dy · W2ᵀ)
    const sg = sigmoidGrad(a1);
    const dz1 = new Float64Array(N * H);
    for (let n = 0; n < N; n++) {
      for (let h = 0; h < H; h++) {
        let s = 0;
        for (let o = 0; o < O; o++) s += dy[n * O + o] * W2.data[h * O + o];
        dz1[n * H + h] = sg.data[n * H + h] * s;
      }
    }

    const gW1 = new Float64Array(I * H);
    const gb1 = new Float64Array(H);
    for (let n = 0; n < N; n++) {
      for (let h = 0; h < H; h++) {
        const d = dz1[n * H + h];
        gb1[h] += d;
        if (d === 0) continue;
        for (let i = 0; i < I; i++) gW1[i * H + h] += x.data[n * I + i] * d;
      }
    }

    return {
      W1: new NDArray(gW1, [I, H]),
      b1: new NDArray(gb1, [H]),
      W2: new NDArray(gW2, [H, O]),
      b2: new NDArray(gb2, [O]),
    };
  }
}
