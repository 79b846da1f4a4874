// The n-dimensional array the whole kit computes with: a flat Float64Array read in row-major
// order, plus a shape. Nothing here is clever; numpy's ndarray without views or dtypes.
import { output } from './backend.ts';
import type { Rng } from './rng.ts';

/** A shape printed as in error messages: `(2, 3)`, `(4)`, `()`. */
export function formatShape(shape: readonly number[]): string {
  return `(${shape.join(', ')})`;
}

/** True when two shapes have the same length and the same entries. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** The number of elements a shape holds: the product of its entries (1 for `()`). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

// instanceof fails for arrays made in another realm (a vm context, a worker), so ask the tag
function isFloat64Array(x: unknown): x is Float64Array {
  return ArrayBuffer.isView(x) && Object.prototype.toString.call(x) === '[object Float64Array]';
}

const SUMMARY_THRESHOLD = 1000; // numpy's print threshold: bigger arrays print with "..."
const SUMMARY_EDGE = 3; // items kept at each end of a summarized axis

export class NDArray {
  readonly data: Float64Array;
  readonly shape: readonly number[];

  /** Wraps `data` (not copied) as an array of `shape`; data.length must equal the product. */
  constructor(data: Float64Array, shape: readonly number[]) {
    if (!isFloat64Array(data)) throw new Error('NDArray: data must be a Float64Array');
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
      throw new Error(`NDArray: shape [${String(shape)}] must be a list of non-negative integers`);
    }
    const need = shapeSize(shape);
    if (data.length !== need) {
      throw new Error(
        `NDArray: data has ${data.length} elements but shape [${shape.join(', ')}] needs ${need}`,
      );
    }
    this.data = data;
    this.shape = Object.freeze([...shape]); // a private copy: callers may reuse their list
  }

  get size(): number {
    return this.data.length;
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** The element at `index` (one integer per axis), bounds-checked. */
  get(...index: number[]): number {
    if (index.length !== this.ndim) {
      throw new Error(
        `get: ${index.length} indices for an array of shape ${formatShape(this.shape)}`,
      );
    }
    let flat = 0;
    for (let axis = 0; axis < index.length; axis++) {
      const i = index[axis];
      const dim = this.shape[axis];
      if (!Number.isInteger(i) || i < 0 || i >= dim) {
        throw new Error(`get: index ${i} is out of range for axis ${axis} with size ${dim}`);
      }
      flat = flat * dim + i;
    }
    return this.data[flat];
  }

  /** Nested plain arrays (a number for a 0-d array), as numpy's tolist(). */
  toArray(): unknown {
    const build = (axis: number, offset: number): unknown => {
      if (axis === this.ndim) return this.data[offset];
      const stride = shapeSize(this.shape.slice(axis + 1));
      return Array.from({ length: this.shape[axis] }, (_, i) =>
        build(axis + 1, offset + i * stride),
      );
    };
    return build(0, 0);
  }

  /** numpy-like and on one line, for failure messages: `array([[1, 2], [3, 4]])`. */
  toString(): string {
    const summarize = this.size > SUMMARY_THRESHOLD;
    const show = (axis: number, offset: number): string => {
      if (axis === this.ndim) return String(this.data[offset]);
      const dim = this.shape[axis];
      const stride = shapeSize(this.shape.slice(axis + 1));
      const item = (i: number) => show(axis + 1, offset + i * stride);
      if (summarize && dim > 2 * SUMMARY_EDGE) {
        const head = Array.from({ length: SUMMARY_EDGE }, (_, i) => item(i));
        const tail = Array.from({ length: SUMMARY_EDGE }, (_, i) => item(dim - SUMMARY_EDGE + i));
        return `[${[...head, '...', ...tail].join(', ')}]`;
      }
      return `[${Array.from({ length: dim }, (_, i) => item(i)).join(', ')}]`;
    };
    return `array(${show(0, 0)})`;
  }
}

/**
 * A new array from a number (0-d), a list (1-D) or a list of equal-length lists (2-D).
 * Ragged or non-numeric input throws, naming the offending position.
 */
export function array(values: number | number[] | number[][]): NDArray {
  const check = (v: unknown, where: string): number => {
    if (typeof v !== 'number') throw new Error(`array: element ${where} is not a number`);
    return v;
  };
  if (!Array.isArray(values)) return new NDArray(Float64Array.of(check(values, '')), []);
  if (values.length === 0 || !Array.isArray(values[0])) {
    const flat = (values as unknown[]).map((v, i) => check(v, `[${i}]`));
    return new NDArray(Float64Array.from(flat), [values.length]);
  }
  const rows = values as unknown[];
  const cols = (rows[0] as unknown[]).length;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== cols) {
      const got = Array.isArray(row) ? `${row.length} elements` : 'not a list';
      throw new Error(`array: ragged input, row 0 has ${cols} elements but row ${i} is ${got}`);
    }
    row.forEach((v, j) => (data[i * cols + j] = check(v, `[${i}][${j}]`)));
  });
  return new NDArray(data, [rows.length, cols]);
}

/** An array of `shape` filled with 0. */
export function zeros(shape: readonly number[]): NDArray {
  return full(shape, 0);
}

/** An array of a's shape filled with 0. */
export function zerosLike(a: NDArray): NDArray {
  return new NDArray(new Float64Array(a.size), a.shape);
}

/** An array of `shape` filled with `value`. */
export function full(shape: readonly number[], value: number): NDArray {
  const n = Array.isArray(shape) ? shapeSize(shape) : NaN;
  const data = new Float64Array(Number.isInteger(n) && n >= 0 ? n : 0).fill(value);
  return new NDArray(data, shape); // the constructor names a bad shape
}

/** An array of `shape` drawn from the standard normal, filled in row-major order. */
export function randn(shape: readonly number[], rng: Rng): NDArray {
  const a = zeros(shape);
  for (let i = 0; i < a.size; i++) a.data[i] = rng.normal();
  return a;
}

/** An independent copy of a. */
export function copy(a: NDArray): NDArray {
  return new NDArray(a.data.slice(), a.shape);
}

/**
 * a with a new shape of the same size; one entry may be -1 and is inferred.
 * The result SHARES a's data (as numpy's view): writing to one writes to the other.
 */
export function reshape(a: NDArray, shape: readonly number[]): NDArray {
  const free = shape.filter((d) => d === -1).length;
  const known = shapeSize(shape.filter((d) => d !== -1));
  if (free > 1) throw new Error(`reshape: only one -1 is allowed, got ${formatShape(shape)}`);
  const fill = free === 1 && known > 0 ? a.size / known : -1;
  const target = shape.map((d) => (d === -1 ? fill : d));
  if (!target.every((d) => Number.isInteger(d) && d >= 0) || shapeSize(target) !== a.size) {
    throw new Error(
      `reshape: cannot reshape an array of shape ${formatShape(a.shape)} into ${formatShape(shape)}`,
    );
  }
  return new NDArray(a.data, target);
}

/**
 * The rows of a at `indices`, in that order and with repeats, as numpy's `a[mask]`:
 * x: (N, D), indices: (B) → (B, D); a 1-D (N) gives (B) elements.
 */
export function takeRows(a: NDArray, indices: readonly number[]): NDArray {
  if (a.ndim === 0) throw new Error('takeRows: cannot take rows of a 0-d array');
  const n = a.shape[0];
  const width = a.size / Math.max(n, 1);
  const out = output(indices.length * width);
  indices.forEach((r, i) => {
    if (!Number.isInteger(r) || r < 0 || r >= n) {
      throw new Error(`takeRows: index ${r} is out of range for ${n} rows`);
    }
    out.set(a.data.subarray(r * width, (r + 1) * width), i * width);
  });
  return new NDArray(out, [indices.length, ...a.shape.slice(1)]);
}
