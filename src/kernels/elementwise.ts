// The loops of add, sub, mul and div for the layouts training meets at every step: equal
// shapes (sub(y, t)), a row broadcast down a matrix (dot(x, W1) + b1) and a scalar
// (div(dy, N)). Each is a plain loop with the operator written out, so V8 compiles it to a
// few instructions per element; src/ops.ts sends every other broadcast to its general path,
// which calls a function per element and steps an odometer over the indices. Both paths
// apply the same operator to the same pair of numbers, so they agree bit for bit.

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
