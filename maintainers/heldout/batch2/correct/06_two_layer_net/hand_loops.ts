// @correct does the matrix products, bias adds, column sums and the backward pass with hand-written loops over the Float64Arrays (src only for sigmoid, softmax, the loss and numericalGradient)
// @names none
// Exercise 06 (book 4.5.1): a two-layer net, x·W1 + b1 → sigmoid → ·W2 + b2 → softmax.
// Written with plain loops: M[i][j] lives at data[i * cols + j].
import {
  createRng,
  crossEntropyError,
  NDArray,
  numericalGradient,
  randn,
  sigmoid,
  sigmoidGrad,
  softmax,
  type Rng,
} from '../src/index.ts';

export type Params = { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray };

// a (m, k) · b (k, n), plus bias (n) on every row if given → (m, n)
function affine(a: NDArray, b: NDArray, bias: NDArray | null): NDArray {
  const [m, k] = a.shape;
  const n = b.shape[1];
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a.data[i * k + p] * b.data[p * n + j];
      out[i * n + j] = bias === null ? s : s + bias.data[j];
    }
  }
  return new NDArray(out, [m, n]);
}

// aᵀ · b for a (r, m), b (r, n) → (m, n)
function transposedTimes(a: NDArray, b: NDArray): NDArray {
  const [r, m] = a.shape;
  const n = b.shape[1];
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let q = 0; q < r; q++) s += a.data[q * m + i] * b.data[q * n + j];
      out[i * n + j] = s;
    }
  return new NDArray(out, [m, n]);
}

function columnSums(a: NDArray): NDArray {
  const [r, c] = a.shape;
  const out = new Float64Array(c);
  for (let q = 0; q < r; q++) for (let j = 0; j < c; j++) out[j] += a.data[q * c + j];
  return new NDArray(out, [c]);
}

function rowArgmax(a: NDArray, row: number): number {
  const c = a.shape[1];
  let best = 0;
  for (let j = 1; j < c; j++) if (a.data[row * c + j] > a.data[row * c + best]) best = j;
  return best;
}

export class TwoLayerNet {
  params: Params;

  constructor(
    inputSize: number,
    hiddenSize: number,
    outputSize: number,
    weightInitStd: number = 0.01,
    rng?: Rng,
  ) {
    const g = rng ?? createRng(0);
    const W1 = randn([inputSize, hiddenSize], g);
    const W2 = randn([hiddenSize, outputSize], g);
    for (const W of [W1, W2]) for (let i = 0; i < W.size; i++) W.data[i] *= weightInitStd;
    this.params = {
      W1,
      b1: new NDArray(new Float64Array(hiddenSize), [hiddenSize]),
      W2,
      b2: new NDArray(new Float64Array(outputSize), [outputSize]),
    };
  }

  predict(x: NDArray): NDArray {
    const p = this.params;
    const z1 = sigmoid(affine(x, p.W1, p.b1));
    return softmax(affine(z1, p.W2, p.b2));
  }

  loss(x: NDArray, t: NDArray): number {
    return crossEntropyError(this.predict(x), t);
  }

  accuracy(x: NDArray, t: NDArray): number {
    const y = this.predict(x);
    const n = x.shape[0];
    let right = 0;
    for (let i = 0; i < n; i++) {
      const answer = t.ndim === 2 ? rowArgmax(t, i) : t.data[i];
      if (rowArgmax(y, i) === answer) right += 1;
    }
    return right / n;
  }

  numericalGradient(x: NDArray, t: NDArray): Params {
    const f = () => this.loss(x, t);
    const p = this.params;
    const W1 = numericalGradient(f, p.W1);
    const b1 = numericalGradient(f, p.b1);
    const W2 = numericalGradient(f, p.W2);
    const b2 = numericalGradient(f, p.b2);
    return { W1, b1, W2, b2 };
  }

  gradient(x: NDArray, t: NDArray): Params {
    const p = this.params;
    const n = x.shape[0];
    const a1 = affine(x, p.W1, p.b1);
    const z1 = sigmoid(a1);
    const y = softmax(affine(z1, p.W2, p.b2));

    const dy = new Float64Array(y.size);
    for (let i = 0; i < y.size; i++) dy[i] = (y.data[i] - t.data[i]) / n;
    const dY = new NDArray(dy, y.shape);

    // dz1 = sigmoid'(a1) ⊙ (dy · W2ᵀ)
    const [h, o] = p.W2.shape;
    const sg = sigmoidGrad(a1);
    const dz1 = new Float64Array(n * h);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < h; j++) {
        let s = 0;
        for (let c = 0; c < o; c++) s += dy[i * o + c] * p.W2.data[j * o + c];
        dz1[i * h + j] = sg.data[i * h + j] * s;
      }
    const dZ1 = new NDArray(dz1, [n, h]);

    return {
      W1: transposedTimes(x, dZ1),
      b1: columnSums(dZ1),
      W2: transposedTimes(z1, dY),
      b2: columnSums(dY),
    };
  }
}
