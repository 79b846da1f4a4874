// @correct forward and backward passes are hand-written index loops (no dot/dotTN/dotNT), weights are filled element by element from rng.normal() in randn's row-major order, and accuracy uses its own first-maximum argmax
// @names none
// Exercise 06 · A two-layer network (book 4.5.1)
//   a1 = x·W1 + b1,  z1 = sigmoid(a1),  y = softmax(z1·W2 + b2)
import {
  createRng,
  crossEntropyError,
  NDArray,
  numericalGradient,
  softmax,
  type Rng,
} from '../src/index.ts';

export type Params = { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray };

const sig = (v: number) => 1 / (1 + Math.exp(-v));

// out (n, m) = a (n, k)·w (k, m) + b (m)
function affine(a: Float64Array, w: Float64Array, b: Float64Array, n: number, k: number, m: number) {
  const out = new Float64Array(n * m);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < m; c++) {
      let s = b[c];
      for (let p = 0; p < k; p++) s += a[r * k + p] * w[p * m + c];
      out[r * m + c] = s;
    }
  }
  return out;
}

function firstMax(data: Float64Array, start: number, len: number): number {
  let best = 0;
  for (let j = 1; j < len; j++) if (data[start + j] > data[start + best]) best = j;
  return best;
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
    const source = rng ?? createRng(0);
    const draw = (shape: number[]) => {
      const n = shape.reduce((a, b) => a * b, 1);
      const d = new Float64Array(n);
      for (let i = 0; i < n; i++) d[i] = weightInitStd * source.normal();
      return new NDArray(d, shape);
    };
    const W1 = draw([inputSize, hiddenSize]);
    const W2 = draw([hiddenSize, outputSize]);
    this.params = {
      W1,
      b1: new NDArray(new Float64Array(hiddenSize), [hiddenSize]),
      W2,
      b2: new NDArray(new Float64Array(outputSize), [outputSize]),
    };
  }

  private forward(x: NDArray) {
    const { W1, b1, W2, b2 } = this.params;
    const [inputs, hidden] = W1.shape;
    const outputs = W2.shape[1];
    const n = x.shape[0];
    const a1 = affine(x.data, W1.data, b1.data, n, inputs, hidden);
    const z1 = a1.map(sig);
    const a2 = affine(z1, W2.data, b2.data, n, hidden, outputs);
    const y = softmax(new NDArray(a2, [n, outputs]));
    return { n, inputs, hidden, outputs, a1, z1, y };
  }

  predict(x: NDArray): NDArray {
    return this.forward(x).y;
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(this.predict(x), t);
  }

  accuracy(x: NDArray, t: NDArray): number {
    const y = this.predict(x);
    const [n, k] = y.shape;
    let correct = 0;
    for (let r = 0; r < n; r++) {
      const answer = t.ndim === 1 ? t.data[r] : firstMax(t.data, r * k, k);
      if (firstMax(y.data, r * k, k) === answer) correct++;
    }
    return correct / n;
  }

  numericalGradient(x: NDArray, t: NDArray): Params {
    const lossW = () => this.loss(x, t);
    const out: Partial<Params> = {};
    for (const key of ['b2', 'W2', 'b1', 'W1'] as const) {
      out[key] = numericalGradient(lossW, this.params[key]);
    }
    return out as Params;
  }

  gradient(x: NDArray, t: NDArray): Params {
    const { n, inputs, hidden, outputs, a1, z1, y } = this.forward(x);
    const W2 = this.params.W2.data;
    const dy = new Float64Array(n * outputs);
    for (let i = 0; i < dy.length; i++) dy[i] = (y.data[i] - t.data[i]) / n;

    const gW2 = new Float64Array(hidden * outputs);
    const gb2 = new Float64Array(outputs);
    const dz1 = new Float64Array(n * hidden);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < outputs; c++) {
        const d = dy[r * outputs + c];
        gb2[c] += d;
        for (let h = 0; h < hidden; h++) gW2[h * outputs + c] += z1[r * hidden + h] * d;
      }
      for (let h = 0; h < hidden; h++) {
        let back = 0;
        for (let c = 0; c < outputs; c++) back += dy[r * outputs + c] * W2[h * outputs + c];
        const s = sig(a1[r * hidden + h]);
        dz1[r * hidden + h] = s * (1 - s) * back;
      }
    }
    const gW1 = new Float64Array(inputs * hidden);
    const gb1 = new Float64Array(hidden);
    for (let r = 0; r < n; r++) {
      for (let h = 0; h < hidden; h++) {
        const d = dz1[r * hidden + h];
        gb1[h] += d;
        for (let i = 0; i < inputs; i++) gW1[i * hidden + h] += x.data[r * inputs + i] * d;
      }
    }
    return {
      W1: new NDArray(gW1, [inputs, hidden]),
      b1: new NDArray(gb1, [hidden]),
      W2: new NDArray(gW2, [hidden, outputs]),
      b2: new NDArray(gb2, [outputs]),
    };
  }
}
