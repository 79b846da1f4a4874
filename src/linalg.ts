// Matrix products: the hot kernels of training. Two implementations compute the same thing:
// the JS loops of kernels/js.ts, which a reader can follow, and the WebAssembly SIMD kernels
// of kernels/matmul.wat, 3–4× faster on the book’s shapes (bench/kernels.ts). Products
// large enough to repay the wasm call and its copies go to wasm when it loaded; the rest, and
// everything where wasm is missing, run in JS. The two sum in different orders, so they agree
// to rounding (K·ε·Σ|a||b| per element), not bit for bit.
//
// Both skip zero entries of the left operand (80% of MNIST pixels), so 0·∞ and 0·NaN
// contribute 0 here where BLAS would give NaN.
import { NDArray, formatShape, uninitialized } from './ndarray.ts';
import { jsDot, jsDotNT, jsDotTN, rowDot } from './kernels/js.ts';
import { wasmKernels } from './kernels/wasm.ts';

// m·k·n from which wasm pays for its call and copies: measured, the two tie at 4·8·4 = 128 and
// wasm is 2× faster at 8·8·8 = 512 (3–4× from 16·16·16 up)
const WASM_MIN_WORK = 512;

// the wasm kernels for a product of m·k·n multiply-adds, or null for the JS loops (wasm may
// still decline a huge one, and is null where it did not load)
const kernelsFor = (m: number, k: number, n: number) =>
  m * k * n >= WASM_MIN_WORK ? wasmKernels : null;

// products of dot, dotTN and dotNT computed by the JS loops since load (productPaths)
let jsProducts = 0;

/**
 * How many products dot, dotTN and dotNT have computed on each path since load: `js` on the
 * JS loops, `wasm` on the WebAssembly kernels, and `shared`, of those, split between threads.
 * The paths give the same values to rounding, so only these counts show that the policy holds
 * (big products on wasm, 3–4× faster; the biggest shared). `wasm` and `shared` are the
 * kernels' own counts, so they include products asked of `wasmKernels` directly (bench).
 */
export function productPaths(): { js: number; wasm: number; shared: number } {
  const counts = wasmKernels?.counts();
  return { js: jsProducts, wasm: counts?.products ?? 0, shared: counts?.shared ?? 0 };
}

function mismatch(op: string, a: NDArray, b: NDArray): Error {
  return new Error(
    `${op}: shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} do not align`,
  );
}

// the output buffer: `out` if given (checked), else a fresh array
function output(op: string, shape: number[], a: NDArray, b: NDArray, out?: NDArray): NDArray {
  if (out === undefined) {
    return new NDArray(uninitialized(shape.reduce((p, d) => p * d, 1)), shape);
  }
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
  const C = output('dot', shape, a, b, out);
  if (b.ndim === 1) {
    for (let i = 0; i < m; i++) C.data[i] = rowDot(a.data, i * k, b.data, 0, k);
    jsProducts++;
    return C;
  }
  const n = b.shape[1];
  if (!kernelsFor(m, k, n)?.dot(a.data, b.data, C.data, m, k, n)) {
    jsDot(a.data, b.data, C.data, m, k, n);
    jsProducts++;
  }
  return C;
}

/** aᵀ·b without forming aᵀ: a (K, M), b (K, N) → (M, N), as xᵀ·δ in backpropagation. */
export function dotTN(a: NDArray, b: NDArray, out?: NDArray): NDArray {
  if (a.ndim !== 2 || b.ndim !== 2 || a.shape[0] !== b.shape[0]) throw mismatch('dotTN', a, b);
  const [k, m] = a.shape;
  const n = b.shape[1];
  const C = output('dotTN', [m, n], a, b, out);
  if (!kernelsFor(m, k, n)?.dotTN(a.data, b.data, C.data, k, m, n)) {
    jsDotTN(a.data, b.data, C.data, k, m, n);
    jsProducts++;
  }
  return C;
}

/** a·bᵀ without forming bᵀ: a (M, K), b (N, K) → (M, N), as δ·W2ᵀ in backpropagation. */
export function dotNT(a: NDArray, b: NDArray, out?: NDArray): NDArray {
  if (a.ndim !== 2 || b.ndim !== 2 || a.shape[1] !== b.shape[1]) throw mismatch('dotNT', a, b);
  const [m, k] = a.shape;
  const n = b.shape[0];
  const C = output('dotNT', [m, n], a, b, out);
  if (!kernelsFor(m, k, n)?.dotNT(a.data, b.data, C.data, m, k, n)) {
    jsDotNT(a.data, b.data, C.data, m, k, n);
    jsProducts++;
  }
  return C;
}

/** The inner product of two vectors of equal length: (K)·(K) → a number. */
export function inner(a: NDArray, b: NDArray): number {
  if (a.ndim !== 1 || b.ndim !== 1 || a.size !== b.size) throw mismatch('inner', a, b);
  return rowDot(a.data, 0, b.data, 0, a.size);
}
