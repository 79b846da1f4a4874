// The loops of add, sub, mul and div for the layouts training meets at every step: equal
// shapes (sub(y, t)), a row broadcast down a matrix (dot(x, W1) + b1) and a scalar
// (div(dy, N)). Each is a plain loop with the operator written out, so V8 compiles it to a
// few instructions per element; src/ops.ts's elementwise, which every other broadcast takes,
// calls a function per element and steps an odometer over the indices. Both apply the same
// operator to the same pair of numbers, so they agree bit for bit.
import type { Arithmetic } from '../src/backend.ts';
import { NDArray, sameShape } from '../src/ndarray.ts';
import { uninitialized } from './alloc.ts';

/** out = A ∘ B for one operator ∘, over the common layouts; out never aliases an input. */
export interface BinaryLoops {
  /** A and B of one shape. */
  same(out: Float64Array, A: Float64Array, B: Float64Array): void;
  /** A (N, K) ∘ B (K): B's row against every row of A. */
  rowRight(out: Float64Array, A: Float64Array, B: Float64Array): void;
  /** A (K) ∘ B (N, K): A's row against every row of B. */
  rowLeft(out: Float64Array, A: Float64Array, B: Float64Array): void;
  /** A ∘ b for a number b. */
  scalarRight(out: Float64Array, A: Float64Array, b: number): void;
  /** a ∘ B for a number a. */
  scalarLeft(out: Float64Array, a: number, B: Float64Array): void;
}

export const addLoops: BinaryLoops = {
  same(out, A, B) {
    for (let i = 0; i < out.length; i++) out[i] = A[i] + B[i];
  },
  rowRight(out, A, B) {
    const k = B.length;
    for (let r = 0; r < out.length; r += k)
      for (let j = 0; j < k; j++) out[r + j] = A[r + j] + B[j];
  },
  rowLeft(out, A, B) {
    const k = A.length;
    for (let r = 0; r < out.length; r += k)
      for (let j = 0; j < k; j++) out[r + j] = A[j] + B[r + j];
  },
  scalarRight(out, A, b) {
    for (let i = 0; i < out.length; i++) out[i] = A[i] + b;
  },
  scalarLeft(out, a, B) {
    for (let i = 0; i < out.length; i++) out[i] = a + B[i];
  },
};

export const subLoops: BinaryLoops = {
  same(out, A, B) {
    for (let i = 0; i < out.length; i++) out[i] = A[i] - B[i];
  },
  rowRight(out, A, B) {
    const k = B.length;
    for (let r = 0; r < out.length; r += k)
      for (let j = 0; j < k; j++) out[r + j] = A[r + j] - B[j];
  },
  rowLeft(out, A, B) {
    const k = A.length;
    for (let r = 0; r < out.length; r += k)
      for (let j = 0; j < k; j++) out[r + j] = A[j] - B[r + j];
  },
  scalarRight(out, A, b) {
    for (let i = 0; i < out.length; i++) out[i] = A[i] - b;
  },
  scalarLeft(out, a, B) {
    for (let i = 0; i < out.length; i++) out[i] = a - B[i];
  },
};

export const mulLoops: BinaryLoops = {
  same(out, A, B) {
    for (let i = 0; i < out.length; i++) out[i] = A[i] * B[i];
  },
  rowRight(out, A, B) {
    const k = B.length;
    for (let r = 0; r < out.length; r += k)
      for (let j = 0; j < k; j++) out[r + j] = A[r + j] * B[j];
  },
  rowLeft(out, A, B) {
    const k = A.length;
    for (let r = 0; r < out.length; r += k)
      for (let j = 0; j < k; j++) out[r + j] = A[j] * B[r + j];
  },
  scalarRight(out, A, b) {
    for (let i = 0; i < out.length; i++) out[i] = A[i] * b;
  },
  scalarLeft(out, a, B) {
    for (let i = 0; i < out.length; i++) out[i] = a * B[i];
  },
};

export const divLoops: BinaryLoops = {
  same(out, A, B) {
    for (let i = 0; i < out.length; i++) out[i] = A[i] / B[i];
  },
  rowRight(out, A, B) {
    const k = B.length;
    for (let r = 0; r < out.length; r += k)
      for (let j = 0; j < k; j++) out[r + j] = A[r + j] / B[j];
  },
  rowLeft(out, A, B) {
    const k = A.length;
    for (let r = 0; r < out.length; r += k)
      for (let j = 0; j < k; j++) out[r + j] = A[j] / B[r + j];
  },
  scalarRight(out, A, b) {
    for (let i = 0; i < out.length; i++) out[i] = A[i] / b;
  },
  scalarLeft(out, a, B) {
    for (let i = 0; i < out.length; i++) out[i] = a / B[i];
  },
};

const LOOPS: Record<Arithmetic, BinaryLoops> = {
  add: addLoops,
  sub: subLoops,
  mul: mulLoops,
  div: divLoops,
};

// a (N, K) and b (K), the row broadcast of x·W + b
const isRowOf = (a: NDArray, b: NDArray) =>
  a.ndim === 2 && b.ndim === 1 && a.shape[1] === b.shape[0];

// a new array of `like`'s shape, filled by `loop`
function fresh(like: NDArray, loop: (out: Float64Array) => void): NDArray {
  const out = uninitialized(like.size);
  loop(out);
  return new NDArray(out, like.shape);
}

/**
 * a ∘ b by a loop of its own for the layouts above, or undefined for src/ops.ts's general
 * path (two numbers, any other broadcast): the arithmetic hook of src/backend.ts.
 */
export function arithmetic(
  op: Arithmetic,
  x: NDArray | number,
  y: NDArray | number,
): NDArray | undefined {
  const loops = LOOPS[op];
  if (typeof x === 'number') {
    if (typeof y !== 'number') return fresh(y, (out) => loops.scalarLeft(out, x, y.data));
  } else if (typeof y === 'number') {
    return fresh(x, (out) => loops.scalarRight(out, x.data, y));
  } else if (sameShape(x.shape, y.shape)) {
    return fresh(x, (out) => loops.same(out, x.data, y.data));
  } else if (isRowOf(x, y)) {
    return fresh(x, (out) => loops.rowRight(out, x.data, y.data));
  } else if (isRowOf(y, x)) {
    return fresh(y, (out) => loops.rowLeft(out, x.data, y.data));
  }
  return undefined;
}
