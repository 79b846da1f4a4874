// @mistake crossEntropyError takes log(y[n, tₙ]) without adding δ = 1e-7: a y of 0 at the true class gives Infinity instead of ≈16.118, and every other value is off by about 1e-7/y
// @names delta_not_inside
import { argmax, formatShape, NDArray, reshape, sameShape } from '../src/index.ts';

export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameShape(y.shape, t.shape)) {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  let sum = 0;
  y.data.forEach((v, i) => {
    sum += (v - t.data[i]) * (v - t.data[i]);
  });
  return sum / 2;
}

export function crossEntropyError(y: NDArray, t: NDArray): number {
  if (y.ndim !== 1 && y.ndim !== 2) {
    throw new Error(`crossEntropyError: y ${formatShape(y.shape)} must be (K) or (N, K)`);
  }
  const yy = y.ndim === 1 ? reshape(y, [1, y.size]) : y;
  const n = yy.shape[0];
  const k = yy.shape[1];
  let labels: number[];
  if (sameShape(t.shape, y.shape)) {
    labels = Array.from((argmax(reshape(t, [n, k]), 1) as NDArray).data);
  } else if (t.ndim === 1 && t.size === n) {
    labels = Array.from(t.data);
  } else {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += Math.log(yy.data[i * k + labels[i]]);
  }
  return -total / n;
}
