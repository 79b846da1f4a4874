// @mistake meanSquaredError returns the mean Σ(y − t)²/size instead of ½Σ(y − t)²: right only when y has exactly 2 elements, e.g. y (3) [1,0,0] vs t (3) [0,0,0] gives 0.333 instead of 0.5
// @names mse_scale
// Exercise 01 · Loss functions (book 4.2)
import { argmax, formatShape, NDArray, reshape, sameShape } from '../src/index.ts';

const DELTA = 1e-7;

export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y.shape, t.shape)) {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  let total = 0;
  for (let i = 0; i < y.size; i++) {
    const d = y.data[i] - t.data[i];
    total += d * d;
  }
  // "mean squared" error: divide by how many elements there are
  return total / y.size;
}

export function crossEntropyError(y: NDArray, t: NDArray): number {
  if (y.ndim !== 1 && y.ndim !== 2) {
    throw new Error(`crossEntropyError: y must have 1 or 2 axes, got ${formatShape(y.shape)}`);
  }
  const y2 = y.ndim === 1 ? reshape(y, [1, y.size]) : y;
  const [n, k] = y2.shape;
  let labels: Float64Array;
  if (sameShape(t.shape, y.shape)) {
    labels = (argmax(reshape(t, [n, k]), 1) as NDArray).data;
  } else if (t.ndim === 1 && t.size === n) {
    labels = t.data;
  } else {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  let total = 0;
  for (let r = 0; r < n; r++) total += Math.log(y2.data[r * k + labels[r]] + DELTA);
  return -total / n;
}
