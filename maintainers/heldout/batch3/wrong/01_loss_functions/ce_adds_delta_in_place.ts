// @mistake crossEntropyError adds δ into y itself (y.data[j] += 1e-7 at each true-class entry, through a reshape that shares y's data), so y is changed after the call and a second call on the same y returns a slightly smaller loss
// @names writes_inputs
import { argmax, formatShape, NDArray, reshape, sameShape } from '../src/index.ts';

const DELTA = 1e-7; // keeps log(y) finite when y = 0

export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y.shape, t.shape)) {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  let s = 0;
  for (let i = 0; i < y.size; i++) s += (y.data[i] - t.data[i]) ** 2;
  return s / 2;
}

export function crossEntropyError(y: NDArray, t: NDArray): number {
  if (y.ndim !== 1 && y.ndim !== 2) {
    throw new Error(`y ${formatShape(y.shape)}: crossEntropyError takes (K) or (N, K)`);
  }
  const p = y.ndim === 1 ? reshape(y, [1, y.size]) : reshape(y, y.shape);
  const [n, k] = p.shape;
  let labels: Float64Array;
  if (sameShape(t.shape, y.shape)) labels = (argmax(reshape(t, [n, k]), 1) as NDArray).data;
  else if (t.ndim === 1 && t.size === n) labels = t.data;
  else throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);

  let total = 0;
  for (let i = 0; i < n; i++) {
    const j = i * k + labels[i];
    p.data[j] += DELTA; // no log(0)
    total += Math.log(p.data[j]);
  }
  return -total / n;
}
