// The matrix kernels in unrolled JS: what kernels/products.ts runs for products too small to
// repay a call into WebAssembly, and for every product where WebAssembly SIMD is missing.
// They compute src/linalg.ts's loops (each output row a combination of rows of B, i-k-j order,
// zero entries of A skipped), unrolled: they agree with them to rounding, not bit for bit.
// docs/KERNELS.md has what each choice measured.

const UNROLL = 8; // entries of A folded per pass: the fastest of 1, 4 and 8 (docs/KERNELS.md)

/**
 * C[cOff + j] = Σ_t vals[t] · B[rows[t] + j] for j < n and t < count: one output row as a
 * combination of rows of B (rows[t] is the offset of a row). Folding eight rows per pass loads
 * and stores the output row an eighth as often; V8 compiles indexing by j better than bumping
 * pointers.
 */
function combineRows(
  C: Float64Array,
  cOff: number,
  n: number,
  B: Float64Array,
  rows: Int32Array,
  vals: Float64Array,
  count: number,
): void {
  C.fill(0, cOff, cOff + n);
  let t = 0;
  for (; t + UNROLL <= count; t += UNROLL) {
    const v0 = vals[t];
    const v1 = vals[t + 1];
    const v2 = vals[t + 2];
    const v3 = vals[t + 3];
    const v4 = vals[t + 4];
    const v5 = vals[t + 5];
    const v6 = vals[t + 6];
    const v7 = vals[t + 7];
    const b0 = rows[t];
    const b1 = rows[t + 1];
    const b2 = rows[t + 2];
    const b3 = rows[t + 3];
    const b4 = rows[t + 4];
    const b5 = rows[t + 5];
    const b6 = rows[t + 6];
    const b7 = rows[t + 7];
    for (let j = 0; j < n; j++) {
      const lo = v0 * B[b0 + j] + v1 * B[b1 + j] + (v2 * B[b2 + j] + v3 * B[b3 + j]);
      const hi = v4 * B[b4 + j] + v5 * B[b5 + j] + (v6 * B[b6 + j] + v7 * B[b7 + j]);
      C[cOff + j] += lo + hi;
    }
  }
  for (; t < count; t++) {
    const v = vals[t];
    const b = rows[t];
    for (let j = 0; j < n; j++) C[cOff + j] += v * B[b + j];
  }
}

/**
 * Lists the nonzero entries A[start + p·step], p < len, into `rows` (as the offset p·n of row
 * p of B) and `vals`, and returns how many there are. The scratch lists are the caller's, so
 * the kernels keep no module state.
 */
function gatherNonzero(
  A: Float64Array,
  start: number,
  step: number,
  len: number,
  n: number,
  rows: Int32Array,
  vals: Float64Array,
): number {
  let count = 0;
  for (let p = 0; p < len; p++) {
    const v = A[start + p * step];
    if (v !== 0) {
      rows[count] = p * n;
      vals[count++] = v;
    }
  }
  return count;
}

/** C (m, n) = A (m, k) · B (k, n), all row-major; zeros of A are skipped. */
export function jsDot(
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  m: number,
  k: number,
  n: number,
): void {
  const rows = new Int32Array(k);
  const vals = new Float64Array(k);
  for (let i = 0; i < m; i++) {
    const count = gatherNonzero(A, i * k, 1, k, n, rows, vals);
    combineRows(C, i * n, n, B, rows, vals, count);
  }
}

/** C (m, n) = Aᵀ · B for A (k, m) and B (k, n), without forming Aᵀ; zeros of A are skipped. */
export function jsDotTN(
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  k: number,
  m: number,
  n: number,
): void {
  const rows = new Int32Array(k);
  const vals = new Float64Array(k);
  // output row i combines rows of B weighted by the nonzeros of column i of A, read with a
  // stride: a compressed sparse column copy of A (two row-major scans) was slower
  for (let i = 0; i < m; i++) {
    const count = gatherNonzero(A, i, m, k, n, rows, vals);
    combineRows(C, i * n, n, B, rows, vals, count);
  }
}

/** C (m, n) = A · Bᵀ for A (m, k) and B (n, k): every entry is a dot of two contiguous rows. */
export function jsDotNT(
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  m: number,
  k: number,
  n: number,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) C[i * n + j] = rowDot(A, i * k, B, j * k, k);
  }
}

// Σ_k A[aOff + k]·B[bOff + k], with four partial sums to shorten the dependency chain
export function rowDot(
  A: Float64Array,
  aOff: number,
  B: Float64Array,
  bOff: number,
  len: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 4 <= len; k += 4) {
    s0 += A[aOff + k] * B[bOff + k];
    s1 += A[aOff + k + 1] * B[bOff + k + 1];
    s2 += A[aOff + k + 2] * B[bOff + k + 2];
    s3 += A[aOff + k + 3] * B[bOff + k + 3];
  }
  for (; k < len; k++) s0 += A[aOff + k] * B[bOff + k];
  return s0 + s1 + (s2 + s3);
}
