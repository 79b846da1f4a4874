// @correct no reshape or argmax from src: a per-row helper finds each row's label (scanning the one-hot row for its first maximum, or reading the label) and losses are collected in an array and averaged with reduce; MSE walks the flat data pairwise with a for…of over entries
// @names none
import { formatShape, NDArray, sameShape } from '../src/index.ts';

const DELTA = 1e-7;

export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y.shape, t.shape)) {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  let squares = 0;
  for (const [i, yi] of y.data.entries()) {
    const d = yi - t.data[i];
    squares += d * d;
  }
  return squares / 2;
}

function firstMaxIndex(a: Float64Array, from: number, len: number): number {
  let best = 0;
  for (let j = 1; j < len; j++) if (a[from + j] > a[from + best]) best = j;
  return best;
}

export function crossEntropyError(y: NDArray, t: NDArray): number {
  const axes = y.shape.length;
  if (axes < 1 || axes > 2) {
    throw new Error(`crossEntropyError takes y of shape (K) or (N, K), not ${formatShape(y.shape)}`);
  }
  const rows = axes === 1 ? 1 : y.shape[0];
  const width = axes === 1 ? y.shape[0] : y.shape[1];

  const oneHot = sameShape(t.shape, y.shape);
  const labelled = !oneHot && t.shape.length === 1 && t.shape[0] === rows;
  if (!oneHot && !labelled) {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  const labelOf = (r: number): number =>
    oneHot ? firstMaxIndex(t.data, r * width, width) : t.data[r];

  const losses: number[] = [];
  for (let r = 0; r < rows; r++) {
    losses.push(-Math.log(y.data[r * width + labelOf(r)] + DELTA));
  }
  return losses.reduce((a, b) => a + b, 0) / rows;
}
