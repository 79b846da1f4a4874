// @correct no library math at all: both losses are hand-written loops over the flat .data arrays, with the shape checks done by hand
// @names none
import { NDArray } from '../src/index.ts';

const DELTA = 1e-7;

function shapeStr(s: readonly number[]): string {
  return '(' + s.join(', ') + ')';
}

function shapesEqual(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!shapesEqual(y.shape, t.shape)) {
    throw new Error('y ' + shapeStr(y.shape) + ' and t ' + shapeStr(t.shape) + ' differ');
  }
  let s = 0;
  for (let i = 0; i < y.data.length; i++) {
    const d = y.data[i] - t.data[i];
    s += d * d;
  }
  return 0.5 * s;
}

export function crossEntropyError(y: NDArray, t: NDArray): number {
  let rows: number;
  let cols: number;
  if (y.ndim === 1) {
    rows = 1;
    cols = y.shape[0];
  } else if (y.ndim === 2) {
    rows = y.shape[0];
    cols = y.shape[1];
  } else {
    throw new Error('crossEntropyError: y ' + shapeStr(y.shape) + ' is not (K) or (N, K)');
  }

  const isOneHot = shapesEqual(t.shape, y.shape);
  const isLabels = !isOneHot && t.ndim === 1 && t.shape[0] === rows;
  if (!isOneHot && !isLabels) {
    throw new Error('crossEntropyError: t ' + shapeStr(t.shape) + ' does not fit y ' + shapeStr(y.shape));
  }

  let total = 0;
  for (let n = 0; n < rows; n++) {
    let label: number;
    if (isOneHot) {
      // position of the largest entry in row n (the 1)
      label = 0;
      for (let k = 1; k < cols; k++) {
        if (t.data[n * cols + k] > t.data[n * cols + label]) label = k;
      }
    } else {
      label = t.data[n];
    }
    total += Math.log(y.data[n * cols + label] + DELTA);
  }
  return -total / rows;
}
