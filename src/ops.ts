// Elementwise arithmetic with numpy's broadcasting, and reductions along an axis.
// Every function returns a new array; none modifies its inputs.
import { fast, output, type Arithmetic } from './backend.ts';
import { NDArray, formatShape, shapeSize } from './ndarray.ts';

type Operand = NDArray | number;
type Binary = (x: number, y: number) => number;

const asArray = (v: Operand): NDArray =>
  typeof v === 'number' ? new NDArray(Float64Array.of(v), []) : v;

// numpy's rule: align shapes on the right; two sizes match when equal or when one is 1.
// (2, 3) and (3) → (2, 3); (4, 1) and (3) → (4, 3); (2, 3) and (4) throw.
function broadcastShapes(op: string, a: readonly number[], b: readonly number[]): number[] {
  const ndim = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < ndim; i++) {
    const da = a[a.length - ndim + i] ?? 1;
    const db = b[b.length - ndim + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new Error(`${op}: shapes ${formatShape(a)} and ${formatShape(b)} do not broadcast`);
    }
    out.push(da === 1 ? db : da);
  }
  return out;
}

// strides of `shape` read as `outShape`: 0 along axes where it is broadcast
function broadcastStrides(shape: readonly number[], outShape: readonly number[]): number[] {
  const strides = new Array<number>(outShape.length).fill(0);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const axis = outShape.length - shape.length + i;
    strides[axis] = shape[i] === 1 ? 0 : stride;
    stride *= shape[i];
  }
  return strides;
}

/**
 * f(a, b) elementwise with numpy's broadcasting, one call of f per element: what add, sub,
 * mul and div compute. `op` names the operation in errors.
 */
export function elementwise(x: Operand, y: Operand, f: Binary, op = 'elementwise'): NDArray {
  const a = asArray(x);
  const b = asArray(y);
  const shape = broadcastShapes(op, a.shape, b.shape);
  const out = new Float64Array(shapeSize(shape));
  const A = a.data;
  const B = b.data;
  if (out.length > 0) {
    // an odometer over the output's index, stepping each operand by its broadcast stride
    const sa = broadcastStrides(a.shape, shape);
    const sb = broadcastStrides(b.shape, shape);
    const index = new Array<number>(shape.length).fill(0);
    let ia = 0;
    let ib = 0;
    for (let i = 0; i < out.length; i++) {
      out[i] = f(A[ia], B[ib]);
      for (let axis = shape.length - 1; axis >= 0; axis--) {
        ia += sa[axis];
        ib += sb[axis];
        if (++index[axis] < shape[axis]) break;
        ia -= sa[axis] * shape[axis];
        ib -= sb[axis] * shape[axis];
        index[axis] = 0;
      }
    }
  }
  return new NDArray(out, shape);
}

// add, sub, mul and div are elementwise with their operator. kernels/ runs the layouts of a
// training step as loops of their own (src/backend.ts), which give these same bits.
function arithmetic(op: Arithmetic, f: Binary) {
  return (a: Operand, b: Operand): NDArray =>
    fast.arithmetic?.(op, a, b) ?? elementwise(a, b, f, op);
}

/** a + b, broadcast: x: (N, H) + b1: (H) → (N, H). */
export const add = arithmetic('add', (x, y) => x + y);
/** a − b, broadcast. */
export const sub = arithmetic('sub', (x, y) => x - y);
/** a · b elementwise, broadcast. */
export const mul = arithmetic('mul', (x, y) => x * y);
/** a / b elementwise, broadcast. */
export const div = arithmetic('div', (x, y) => x / y);

/** f applied to every element; same shape. */
export function map(a: NDArray, f: (x: number) => number): NDArray {
  const A = a.data;
  const out = output(A.length);
  for (let i = 0; i < A.length; i++) out[i] = f(A[i]);
  return new NDArray(out, a.shape);
}

/** eᵃ elementwise. */
export const exp = (a: NDArray): NDArray => map(a, Math.exp);
/** ln a elementwise. */
export const log = (a: NDArray): NDArray => map(a, Math.log);

/** aᵀ: (M, N) → (N, M); a 1-D array is its own transpose, returned as a copy. */
export function transpose(a: NDArray): NDArray {
  if (a.ndim === 1) return new NDArray(a.data.slice(), a.shape);
  if (a.ndim !== 2)
    throw new Error(`transpose: expects a 1-D or 2-D array, got ${formatShape(a.shape)}`);
  const [m, n] = a.shape;
  const out = new Float64Array(a.size);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = a.data[i * n + j];
  return new NDArray(out, [n, m]);
}

// A reduction folds the `len` values of one lane (start, start + step, …) into a number.
type Lane = (data: Float64Array, start: number, step: number, len: number) => number;

/** Applies `lane` to every lane along `axis` (negative counts from the end), dropping that axis. */
function reduce(op: string, a: NDArray, axis: number | undefined, lane: Lane): number | NDArray {
  if (axis === undefined) return lane(a.data, 0, 1, a.size);
  const ax = axis < 0 ? axis + a.ndim : axis;
  if (!Number.isInteger(axis) || ax < 0 || ax >= a.ndim) {
    throw new Error(`${op}: axis ${axis} is out of range for shape ${formatShape(a.shape)}`);
  }
  // view the shape as (outer, len, inner): lanes run along the middle axis with step `inner`
  const outer = shapeSize(a.shape.slice(0, ax));
  const len = a.shape[ax];
  const inner = shapeSize(a.shape.slice(ax + 1));
  const out = new Float64Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++)
      out[o * inner + i] = lane(a.data, o * len * inner + i, inner, len);
  }
  return new NDArray(
    out,
    a.shape.filter((_, k) => k !== ax),
  );
}

const sumLane: Lane = (d, start, step, len) => {
  let s = 0;
  for (let k = 0; k < len; k++) s += d[start + k * step];
  return s;
};

// index (within the lane) of the first maximum; a NaN wins at once, as in numpy
function argmaxLane(op: string): Lane {
  return (d, start, step, len) => {
    if (len === 0) throw new Error(`${op}: cannot reduce an empty axis`);
    let best = 0;
    for (let k = 0; k < len; k++) {
      const v = d[start + k * step];
      if (v !== v) return k;
      if (v > d[start + best * step]) best = k;
    }
    return best;
  };
}

/** Σ over every element (a number), or along `axis`: (N, K) with axis 0 → (K). */
export function sum(a: NDArray): number;
export function sum(a: NDArray, axis: number): NDArray;
export function sum(a: NDArray, axis?: number): number | NDArray {
  return reduce('sum', a, axis, sumLane);
}

/** The mean over every element, or along `axis`. */
export function mean(a: NDArray): number;
export function mean(a: NDArray, axis: number): NDArray;
export function mean(a: NDArray, axis?: number): number | NDArray {
  if (axis === undefined) return sum(a) / a.size;
  const total = sum(a, axis); // validates the axis
  return div(total, a.shape[axis < 0 ? axis + a.ndim : axis]);
}

/** The largest element (NaN if any is NaN), or the largest along `axis`. */
export function max(a: NDArray): number;
export function max(a: NDArray, axis: number): NDArray;
export function max(a: NDArray, axis?: number): number | NDArray {
  const at = argmaxLane('max');
  return reduce('max', a, axis, (d, start, step, len) => d[start + at(d, start, step, len) * step]);
}

/** The flat index of the first largest element, or the index along `axis`: (N, K), 1 → (N). */
export function argmax(a: NDArray): number;
export function argmax(a: NDArray, axis: number): NDArray;
export function argmax(a: NDArray, axis?: number): number | NDArray {
  return reduce('argmax', a, axis, argmaxLane('argmax'));
}
