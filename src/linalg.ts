// Matrix products: numpy's dot, and the two transposed products that backpropagation needs,
// xᵀ·δ and δ·W2ᵀ, without forming the transpose. The loops below are the definitions;
// kernels/ installs faster ones (src/backend.ts) that sum in other orders, so the two agree
// to rounding, K·ε·Σ|a||b| per element, not bit for bit.
//
// dot and dotTN skip the zero entries of their left operand (most pixels of a digit are 0).
// A skipped zero adds nothing, so 0·∞ and 0·NaN contribute 0 here where numpy gives NaN.
import { fast, output, type Kernels } from './backend.ts';
import { NDArray, formatShape } from './ndarray.ts';

// C (m, n) = A (m, k)·B (k, n): row i of C is Σₚ A[i, p]·(row p of B), so that the innermost
// loop walks a row of B and a row of C in memory order
const matmul: NonNullable<Kernels['dot']> = (A, B, C, m, k, n) => {
  C.fill(0);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const a = A[i * k + p];
      if (a === 0) continue;
      for (let j = 0; j < n; j++) C[i * n + j] += a * B[p * n + j];
    }
  }
};

// C (m, n) = Aᵀ·B for A (k, m), B (k, n): as matmul, with column i of A in place of row i
const matmulTN: NonNullable<Kernels['dotTN']> = (A, B, C, k, m, n) => {
  C.fill(0);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const a = A[p * m + i];
      if (a === 0) continue;
      for (let j = 0; j < n; j++) C[i * n + j] += a * B[p * n + j];
    }
  }
};

// C (m, n) = A·Bᵀ for A (m, k), B (n, k): entry (i, j) pairs row i of A with row j of B
const matmulNT: NonNullable<Kernels['dotNT']> = (A, B, C, m, k, n) => {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) C[i * n + j] = innerProduct(A, i * k, B, j * k, k);
  }
};

// Σₚ A[a + p]·B[b + p] over p < len
const innerProduct: NonNullable<Kernels['inner']> = (A, a, B, b, len) => {
  let s = 0;
  for (let p = 0; p < len; p++) s += A[a + p] * B[b + p];
  return s;
};

function mismatch(op: string, a: NDArray, b: NDArray): Error {
  return new Error(
    `${op}: shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} do not align`,
  );
}

// where the result goes: `out` if given (checked), else a new array
function destination(op: string, shape: number[], a: NDArray, b: NDArray, out?: NDArray): NDArray {
  if (out === undefined) return new NDArray(output(shape.reduce((p, d) => p * d, 1)), shape);
  if (out.shape.length !== shape.length || out.shape.some((d, i) => d !== shape[i])) {
    throw new Error(
      `${op}: out has shape ${formatShape(out.shape)} but the result is ${formatShape(shape)}`,
    );
  }
  for (const input of [a, b]) {
    if (out.data.buffer === input.data.buffer) {
      throw new Error(`${op}: out must not share memory with an input`);
    }
  }
  return out;
}

/**
 * The matrix product, as numpy's dot:
 * (M, K)·(K, N) → (M, N), (M, K)·(K) → (M), (K)·(K, N) → (N), (K)·(K) → () a 0-d array.
 * `out`, if given, receives the result and must have its shape.
 */
export function dot(a: NDArray, b: NDArray, out?: NDArray): NDArray {
  if (a.ndim < 1 || a.ndim > 2 || b.ndim < 1 || b.ndim > 2) throw mismatch('dot', a, b);
  const [m, k] = a.ndim === 2 ? a.shape : [1, a.shape[0]];
  if (b.shape[0] !== k) throw mismatch('dot', a, b);
  const shape = [...a.shape.slice(0, -1), ...b.shape.slice(1)];
  const C = destination('dot', shape, a, b, out);
  if (b.ndim === 1) {
    const inner = fast.inner ?? innerProduct;
    for (let i = 0; i < m; i++) C.data[i] = inner(a.data, i * k, b.data, 0, k);
  } else {
    (fast.dot ?? matmul)(a.data, b.data, C.data, m, k, b.shape[1]);
  }
  return C;
}

/** aᵀ·b without forming aᵀ: a (K, M), b (K, N) → (M, N), as xᵀ·δ in backpropagation. */
export function dotTN(a: NDArray, b: NDArray, out?: NDArray): NDArray {
  if (a.ndim !== 2 || b.ndim !== 2 || a.shape[0] !== b.shape[0]) throw mismatch('dotTN', a, b);
  const [k, m] = a.shape;
  const n = b.shape[1];
  const C = destination('dotTN', [m, n], a, b, out);
  (fast.dotTN ?? matmulTN)(a.data, b.data, C.data, k, m, n);
  return C;
}

/** a·bᵀ without forming bᵀ: a (M, K), b (N, K) → (M, N), as δ·W2ᵀ in backpropagation. */
export function dotNT(a: NDArray, b: NDArray, out?: NDArray): NDArray {
  if (a.ndim !== 2 || b.ndim !== 2 || a.shape[1] !== b.shape[1]) throw mismatch('dotNT', a, b);
  const [m, k] = a.shape;
  const n = b.shape[0];
  const C = destination('dotNT', [m, n], a, b, out);
  (fast.dotNT ?? matmulNT)(a.data, b.data, C.data, m, k, n);
  return C;
}

/** The inner product of two vectors of equal length: (K)·(K) → a number. */
export function inner(a: NDArray, b: NDArray): number {
  if (a.ndim !== 1 || b.ndim !== 1 || a.size !== b.size) throw mismatch('inner', a, b);
  return (fast.inner ?? innerProduct)(a.data, 0, b.data, 0, a.size);
}
