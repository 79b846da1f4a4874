// A network that behaves like a real one and remembers everything. Its loss, accuracy and
// gradient are fixed functions of its parameters and the arguments (a hash of their bits), so
// calling one twice with the same parameters and inputs gives the same answer, as a real net
// would; and since different parameters or inputs give different values, each value a loop
// records can be traced to the parameters and data it was taken on. Every call is kept, with
// copies of its arguments and of the parameters as they were at that moment.
import { createRng, NDArray } from '../../src/index.ts';

export type Snapshot = Record<string, Float64Array>;
export interface SpyCall {
  kind: 'gradient' | 'loss' | 'accuracy';
  x: NDArray; // copies of the arguments
  t: NDArray;
  params: Snapshot; // the parameters when the call was made
  grad?: Snapshot; // what gradient returned
}

const HIDDEN = 3; // W1 (D, 3), b1 (3), W2 (3, K), b2 (K): the shapes of a small TwoLayerNet
// gradients k/1024 with 1 ≤ |k| ≤ 1024: never 0, so every update moves every parameter
const GRID = 1024;
const TWO_POW_32 = 4294967296; // maps a 32-bit hash onto [0, 1)

/** A 32-bit hash of the parameters' and arguments' bits, salted per method. */
function digest(salt: number, params: Snapshot, x: NDArray, t: NDArray): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  const words = (a: Float64Array, shape: readonly number[]) => {
    const w = new Uint32Array(a.buffer, a.byteOffset, 2 * a.length);
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w[i], 0x01000193) >>> 0;
    for (const n of shape) h = Math.imul(h ^ n, 0x01000193) >>> 0;
  };
  for (const k of Object.keys(params).sort()) words(params[k], [params[k].length]);
  words(Float64Array.from(x.data), x.shape);
  words(Float64Array.from(t.data), t.shape);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b); // murmur3's finalizer spreads every input bit
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** What network.loss returns for these parameters and arguments: a value in [1, 2). */
export const lossOf = (p: Snapshot, x: NDArray, t: NDArray) => 1 + digest(1, p, x, t) / TWO_POW_32;
/** What network.accuracy returns: a value in [0, 1). */
export const accuracyOf = (p: Snapshot, x: NDArray, t: NDArray) => digest(2, p, x, t) / TWO_POW_32;
/** What network.gradient returns, as plain arrays by parameter: entries ±k/1024, 1 ≤ k ≤ 1024. */
export function gradientOf(p: Snapshot, x: NDArray, t: NDArray): Snapshot {
  let h = digest(3, p, x, t);
  const next = () => {
    h = (h + 0x9e3779b9) >>> 0; // a Weyl sequence through murmur3's finalizer, per entry
    let z = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z = (z ^ (z >>> 16)) >>> 0;
    return (((z >>> 1) % GRID) + 1) * (z & 1 ? -1 : 1);
  };
  return Object.fromEntries(
    Object.keys(p).map((k) => [k, Float64Array.from(p[k], () => next() / GRID)]),
  );
}

export class SpyNetwork {
  params: Record<string, NDArray>;
  readonly original: Record<string, NDArray>; // the arrays handed out, to check in-place updates
  readonly calls: SpyCall[] = [];

  /** A net for inputs of `width` features and `classes` classes, its params drawn by `seed`. */
  constructor(seed: number, width: number, classes: number) {
    const rng = createRng(seed);
    const shapes = { W1: [width, HIDDEN], b1: [HIDDEN], W2: [HIDDEN, classes], b2: [classes] };
    this.params = {};
    for (const [key, shape] of Object.entries(shapes)) {
      const n = shape.reduce((a, b) => a * b, 1);
      const data = Float64Array.from({ length: n }, () => (rng.int(2 * GRID + 1) - GRID) / GRID);
      this.params[key] = new NDArray(data, shape);
    }
    this.original = { ...this.params };
  }

  snapshot(): Snapshot {
    return Object.fromEntries(Object.entries(this.params).map(([k, p]) => [k, p.data.slice()]));
  }

  gradient(x: NDArray, t: NDArray): Record<string, NDArray> {
    const call = this.record('gradient', x, t);
    const grad = (call.grad = gradientOf(call.params, x, t));
    const shapes = (k: string) => this.params[k]?.shape ?? [grad[k].length];
    return Object.fromEntries(
      Object.entries(grad).map(([k, g]) => [k, new NDArray(g.slice(), shapes(k))]),
    );
  }

  loss(x: NDArray, t: NDArray): number {
    return lossOf(this.record('loss', x, t).params, x, t);
  }

  accuracy(x: NDArray, t: NDArray): number {
    return accuracyOf(this.record('accuracy', x, t).params, x, t);
  }

  private record(kind: SpyCall['kind'], x: NDArray, t: NDArray): SpyCall {
    const copy = (a: NDArray) => new NDArray(a.data.slice(), a.shape);
    const call = { kind, x: copy(x), t: copy(t), params: this.snapshot() };
    this.calls.push(call);
    return call;
  }
}

export type SpyData = { xTrain: NDArray; tTrain: NDArray; xTest: NDArray; tTest: NDArray };

/**
 * trainSize rows x = [r, 1, …] (width features) answered by class r, and testSize rows
 * x = [−1 − r, 2, …] answered by class trainSize + r: every row says which one it is. The
 * answers are labels (N) or one-hot rows (N, K), K = trainSize + testSize.
 */
export function spyData(trainSize: number, testSize: number, width: number, labels: boolean) {
  const classes = trainSize + testSize;
  const x = (n: number, first: (r: number) => number, rest: number) => {
    const data = new Float64Array(n * width).fill(rest);
    for (let r = 0; r < n; r++) data[r * width] = first(r);
    return new NDArray(data, [n, width]);
  };
  const t = (n: number, label: (r: number) => number) => {
    if (labels)
      return new NDArray(
        Float64Array.from({ length: n }, (_, r) => label(r)),
        [n],
      );
    const data = new Float64Array(n * classes);
    for (let r = 0; r < n; r++) data[r * classes + label(r)] = 1;
    return new NDArray(data, [n, classes]);
  };
  return {
    xTrain: x(trainSize, (r) => r, 1),
    tTrain: t(trainSize, (r) => r),
    xTest: x(testSize, (r) => -1 - r, 2),
    tTest: t(testSize, (r) => trainSize + r),
  };
}

/** Which training row row n of a batch is: its x and t rows, or undefined for neither. */
export function rowsOf(x: NDArray, t: NDArray, n: number): { x?: number; t?: number } {
  const width = x.shape[1] ?? 1;
  const xr = x.data.slice(n * width, (n + 1) * width);
  const isTrain = xr.slice(1).every((v) => v === 1) && Number.isInteger(xr[0]) && xr[0] >= 0;
  let label: number | undefined;
  if (t.ndim === 1) label = t.data[n];
  else {
    const row = Array.from(t.data.slice(n * t.shape[1], (n + 1) * t.shape[1]));
    if (row.reduce((a, b) => a + b, 0) === 1) label = row.indexOf(1);
  }
  return { x: isTrain ? xr[0] : undefined, t: label };
}
