// @correct builds params from a table with Object.fromEntries, maps numericalGradient over the param keys, counts accuracy with reduce and backpropagates with transpose + dot instead of dotTN/dotNT
// @names none
// Exercise 06 · A two-layer network (book 4.5.1)
//
//   a1 = x·W1 + b1,  z1 = sigmoid(a1),  y = softmax(z1·W2 + b2)
//
// - params: W1 (I, H), b1 (H), W2 (H, O), b2 (O), for I inputs, H hidden units and O
//   outputs. The weights are weightInitStd · randn(shape, rng); the biases start at 0.
//   weightInitStd defaults to 0.01; without an rng the net uses createRng(0), so every such
//   net starts with the same params.
// - predict takes x (N, I) and returns y (N, O): each row the probabilities of the O classes.
// - loss is crossEntropyError(predict(x), t) for one-hot t (N, O): a number.
// - accuracy is the fraction of rows whose argmax of y matches the answer; t is one-hot
//   (N, O) or labels (N).
// - numericalGradient takes each gradient with src's numericalGradient through the closure
//   () => this.loss(x, t), as the book does, and leaves the params as they were.
// - gradient is the book's fast version, backpropagation (chapter 5), for one-hot t (N, O):
//   with dy = (y − t) / N,
//     dW2 = z1ᵀ·dy,  db2 = Σₙ dy,  dz1 = sigmoidGrad(a1) ⊙ (dy·W2ᵀ),  dW1 = xᵀ·dz1,  db1 = Σₙ dz1
// - Both gradients return new arrays in a new { W1, b1, W2, b2 }, of the params' shapes: a
//   later call never changes an earlier result.
// - No method changes x or t, and only numericalGradient moves the params, putting each back.
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
type Key = keyof Params;
const KEYS: readonly Key[] = ['W1', 'b1', 'W2', 'b2'];

export class TwoLayerNet {
  params: Params;

  constructor(
    inputSize: number,
    hiddenSize: number,
    outputSize: number,
    weightInitStd = 0.01,
    rng: Rng = createRng(0),
  ) {
    // [name, shape, is a weight]: weights ~ std·N(0, 1) drawn in this order, biases 0
    const table: Array<[Key, number[], boolean]> = [
      ['W1', [inputSize, hiddenSize], true],
      ['b1', [hiddenSize], false],
      ['W2', [hiddenSize, outputSize], true],
      ['b2', [outputSize], false],
    ];
    this.params = Object.fromEntries(
      table.map(([name, shape, weight]) => [
        name,
        weight ? mul(randn(shape, rng), weightInitStd) : zeros(shape),
      ]),
    ) as Params;
  }

  private forward(x: NDArray) {
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
    const guesses = argmax(this.predict(x), 1).data;
    const answers = (t.ndim === 1 ? t : argmax(t, 1)).data;
    const hits = guesses.reduce((n, g, i) => n + (g === answers[i] ? 1 : 0), 0);
    return hits / x.shape[0];
  }

  numericalGradient(x: NDArray, t: NDArray): Params {
    const lossW = (_: NDArray) => this.loss(x, t);
    return Object.fromEntries(KEYS.map((k) => [k, numericalGradient(lossW, this.params[k])])) as Params;
  }

  gradient(x: NDArray, t: NDArray): Params {
    const { W2 } = this.params;
    const { a1, z1, y } = this.forward(x);
    const dy = div(sub(y, t), x.shape[0]);
    const dz1 = mul(sigmoidGrad(a1), dot(dy, transpose(W2)));
    return {
      W1: dot(transpose(x), dz1),
      b1: sum(dz1, 0),
      W2: dot(transpose(z1), dy),
      b2: sum(dy, 0),
    };
  }
}
