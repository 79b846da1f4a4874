// A network that computes nothing and remembers everything: trainNeuralNet's spec drives it and
// then reads back every call, in order, with the arguments and the parameters as they were
// at that moment. Its gradients are arbitrary numbers; its losses and accuracies are distinct
// tags, so each recorded value can be traced to the call that produced it.
import { createRng, NDArray, type Rng } from '../../src/index.ts';

export type Snapshot = Record<string, Float64Array>;
export interface SpyCall {
  kind: 'gradient' | 'loss' | 'accuracy';
  x: NDArray; // copies of the arguments
  t: NDArray;
  params: Snapshot; // the parameters when the call was made
  grad?: Snapshot; // what gradient returned
  value?: number; // what loss or accuracy returned
}

const SHAPES: Record<string, number[]> = { W: [2, 3], b: [3] }; // two params of two ranks
const GRID = 1024; // values k/1024 with |k| ≤ 1024: exact in binary, so p − lr·g reads cleanly

export class SpyNetwork {
  params: Record<string, NDArray>;
  readonly original: Record<string, NDArray>; // the arrays handed out, to check in-place updates
  readonly calls: SpyCall[] = [];
  private readonly rng: Rng;
  private tags = 0;

  constructor(seed: number) {
    this.rng = createRng(seed);
    this.params = {};
    for (const [key, shape] of Object.entries(SHAPES)) this.params[key] = this.draw(shape);
    this.original = { ...this.params };
  }

  snapshot(): Snapshot {
    return Object.fromEntries(Object.entries(this.params).map(([k, p]) => [k, p.data.slice()]));
  }

  gradient(x: NDArray, t: NDArray): Record<string, NDArray> {
    const grad = Object.fromEntries(Object.entries(SHAPES).map(([k, s]) => [k, this.draw(s)]));
    const copyOf = Object.fromEntries(Object.entries(grad).map(([k, g]) => [k, g.data.slice()]));
    this.record('gradient', x, t, { grad: copyOf });
    return grad;
  }

  loss(x: NDArray, t: NDArray): number {
    return this.record('loss', x, t, { value: 100 + ++this.tags / 64 }).value as number;
  }

  accuracy(x: NDArray, t: NDArray): number {
    return this.record('accuracy', x, t, { value: ++this.tags / 4096 }).value as number;
  }

  private record(kind: SpyCall['kind'], x: NDArray, t: NDArray, extra: Partial<SpyCall>): SpyCall {
    const copy = (a: NDArray) => new NDArray(a.data.slice(), a.shape);
    const call = { kind, x: copy(x), t: copy(t), params: this.snapshot(), ...extra };
    this.calls.push(call);
    return call;
  }

  private draw(shape: number[]): NDArray {
    const n = shape.reduce((a, b) => a * b, 1);
    const data = Float64Array.from({ length: n }, () => (this.rng.int(2 * GRID + 1) - GRID) / GRID);
    return new NDArray(data, shape);
  }
}

/** trainSize rows x = [r, 1] answered by t = [r, 100 + r], and a test set of distinct rows. */
export function spyData(trainSize: number, testSize: number) {
  const rows = (n: number, f: (r: number) => number[]) => {
    const data = new Float64Array(2 * n);
    for (let r = 0; r < n; r++) data.set(f(r), 2 * r);
    return new NDArray(data, [n, 2]);
  };
  return {
    xTrain: rows(trainSize, (r) => [r, 1]),
    tTrain: rows(trainSize, (r) => [r, 100 + r]),
    xTest: rows(testSize, (r) => [-1 - r, 2]),
    tTest: rows(testSize, (r) => [-1 - r, 200 + r]),
  };
}
