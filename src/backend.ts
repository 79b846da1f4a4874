// The one seam between src/'s maths and the fast kernels of kernels/. Every function of src/
// runs its own plain loops unless a faster version of the same operation was installed
// here; kernels/'s useFastKernels() installs them, and the grader, `npm run train` and the
// bench call it. A student reading src/ can skip this file: `fast.dot ?? matmul` reads as
// "matmul, the loop below".
//
// What an installed kernel promises, so that src/'s tests hold with or without it:
// - the products (dot, dotTN, dotNT, inner) compute the same sums, possibly in another order,
//   so they agree to rounding; like src/'s loops they skip zeros of the left operand of
//   dot and dotTN, where 0·∞ and 0·NaN then add nothing;
// - exp is within an ulp of Math.exp;
// - arithmetic gives the same bits as elementwise's general path;
// - alloc gives a new buffer of its own for an output its maker writes in full.
import type { NDArray } from './ndarray.ts';

/** The operators of add, sub, mul and div. */
export type Arithmetic = 'add' | 'sub' | 'mul' | 'div';

/** Faster versions of src/'s inner loops; each one absent leaves src/'s own in use. */
export interface Kernels {
  /** C (m, n) = A (m, k)·B (k, n), all row-major; writes every entry of C. */
  dot?(A: Float64Array, B: Float64Array, C: Float64Array, m: number, k: number, n: number): void;
  /** C (m, n) = Aᵀ·B for A (k, m) and B (k, n); writes every entry of C. */
  dotTN?(A: Float64Array, B: Float64Array, C: Float64Array, k: number, m: number, n: number): void;
  /** C (m, n) = A·Bᵀ for A (m, k) and B (n, k); writes every entry of C. */
  dotNT?(A: Float64Array, B: Float64Array, C: Float64Array, m: number, k: number, n: number): void;
  /** Σₚ A[a + p]·B[b + p] over p < len: one row of A against a vector. */
  inner?(A: Float64Array, a: number, B: Float64Array, b: number, len: number): number;
  /** eˣ, for sigmoid, sigmoidGrad and softmax. */
  exp?(x: number): number;
  /** a ∘ b, or undefined to leave this layout to elementwise's general path. */
  arithmetic?(op: Arithmetic, a: NDArray | number, b: NDArray | number): NDArray | undefined;
  /** A new array of `size` elements for an output its maker writes in full. */
  alloc?(size: number): Float64Array;
}

/** The kernels installed now: none until installKernels is called. */
export let fast: Readonly<Kernels> = Object.freeze({});

/** Installs `kernels` in place of whatever was installed; `{}` restores src/'s own loops. */
export function installKernels(kernels: Kernels): void {
  fast = Object.freeze({ ...kernels });
}

/** A new array of `size` elements for an output that its maker writes in full. */
export function output(size: number): Float64Array {
  return fast.alloc ? fast.alloc(size) : new Float64Array(size);
}
