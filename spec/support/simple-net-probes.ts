// The probes 05's suspects run through a student's SimpleNet: the Ws and inputs they set, the
// activations and squashes a wrong predict or loss might apply, and the rule that decides
// when the student's numbers are a model's.
import { createRng, NDArray, type Rng } from '../../src/index.ts';
import { formatNumber } from './format.ts';
import { sigmoidRow, softmaxRow, W_BOOK } from './simple-net.ts';

/** A student's SimpleNet class, as far as the probes build one. */
type NetClass<N> = new (rng?: Rng) => N;

const SAME = 1e-12; // the same numbers computed another way differ only in rounding

export const nd = (values: number[], shape: number[]) =>
  new NDArray(Float64Array.from(values), shape);
export const near = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length &&
  Array.from(b).every((v, i) => Math.abs(a[i] - v) <= SAME * Math.abs(v) + 1e-15);
export const show = (a: ArrayLike<number>) =>
  `[${Array.from(a, (v) => formatNumber(v, 6)).join(', ')}]`;
export const bookW = () => nd(W_BOOK.flat(), [2, 3]);
// a W of both signs, so relu, sigmoid and softmax all differ from the scores
export const mixedW = () => nd([0.5, -1.2, 0.3, -0.7, 0.4, 1.1], [2, 3]);
export const X_PROBES = () => [nd([0.6, 0.9], [2]), nd([1.5, -0.5, -1, 2], [2, 2])];
// positive x with the book's positive W: the raw scores are positive, so even their log is finite
export const T_PROBES = () => [
  { x: nd([0.6, 0.9], [2]), labels: [2] },
  { x: nd([0.2, 0.5, 1, 0.3], [2, 2]), labels: [0, 1] },
  { x: nd([1.5, 0.4], [2]), labels: [1] },
];

/** A net from its own rng, with W set to `W` (a fresh copy). */
export function netWith<N extends { W: NDArray }>(SimpleNet: NetClass<N>, W: NDArray): N {
  const net = new SimpleNet(createRng(7));
  net.W = new NDArray(W.data.slice(), [2, 3]);
  return net;
}
export const ACTIVATIONS: [string, (row: number[]) => number[]][] = [
  ['softmax(x·W)', softmaxRow],
  ['sigmoid(x·W)', sigmoidRow],
  ['relu(x·W)', (row) => row.map((v) => Math.max(v, 0))],
  ['tanh(x·W)', (row) => row.map(Math.tanh)],
];
export const SQUASHES: [string, (row: number[]) => number[]][] = [
  ['the raw scores x·W, with no softmax', (row) => row],
  ['sigmoid(x·W) instead of softmax(x·W)', sigmoidRow],
  ['softmax applied twice', (row) => softmaxRow(softmaxRow(row))],
];
/** The W of each of `count` nets built with createRng(1000 + k), or undefined if not (2, 3). */
export function pool(SimpleNet: NetClass<{ W: unknown }>, count: number): number[] | undefined {
  const values: number[] = [];
  for (let k = 0; k < count; k++) {
    const W = new SimpleNet(createRng(1000 + k)).W;
    if (!(W instanceof NDArray) || W.size !== 6) return undefined;
    values.push(...W.data);
  }
  return values;
}
