// Loads the WebAssembly SIMD kernels of matmul.wat from matmul.wasm, the binary assembled from
// it by `npm run build:wasm` (src/kernels/build.ts) and committed beside it: a synchronous read
// and compile of under 2 kB at import, with no toolchain at run time (`npm run check` verifies
// that the binary matches the text). Where the binary or WebAssembly SIMD is missing,
// `wasmKernels` is null and src/linalg.ts uses the JS loops of js.ts instead.
//
// The kernels work on their own linear memory: each call copies the operands in, runs, and
// copies the result out. The copies cost about a tenth of the product at the book's shapes
// (bench/kernels.ts); nothing is kept between calls.
import { readFileSync } from 'node:fs';

// tsconfig's lib has no DOM and @types/node declares no WebAssembly values: the parts used here
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
};
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

const PAGE = 65536; // bytes in a WebAssembly memory page
const ALIGN = 16; // each region starts on a v128 boundary
const MAX_BYTES = 2 ** 30; // wasm32 memory stops at 4 GiB, and it never shrinks: stay well below

/**
 * Each kernel writes its product into C and returns true, or returns false without touching C
 * when the operands would not fit in MAX_BYTES of wasm memory (the caller then uses JS).
 */
export interface WasmKernels {
  /** C (m, n) = A (m, k) · B (k, n), all row-major. */
  dot(A: Float64Array, B: Float64Array, C: Float64Array, m: number, k: number, n: number): boolean;
  /** C (m, n) = Aᵀ · B for A (k, m) and B (k, n). */
  dotTN(
    A: Float64Array,
    B: Float64Array,
    C: Float64Array,
    k: number,
    m: number,
    n: number,
  ): boolean;
  /** C (m, n) = A · Bᵀ for A (m, k) and B (n, k). */
  dotNT(
    A: Float64Array,
    B: Float64Array,
    C: Float64Array,
    m: number,
    k: number,
    n: number,
  ): boolean;
}

type Exports = {
  memory: WasmMemory;
  dot(
    a: number,
    m: number,
    k: number,
    b: number,
    n: number,
    c: number,
    rows: number,
    vals: number,
  ): void;
  dot_tn(
    a: number,
    k: number,
    m: number,
    b: number,
    n: number,
    c: number,
    rows: number,
    vals: number,
    counts: number,
  ): void;
};

function instantiate(bytes: Uint8Array): Exports {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  return instance.exports as unknown as Exports;
}

// byte offsets of consecutive regions of the given sizes, each aligned, and the total
function layout(sizes: number[]): { offsets: number[]; end: number } {
  const offsets: number[] = [];
  let end = 0;
  for (const size of sizes) {
    offsets.push(end);
    end += Math.ceil(size / ALIGN) * ALIGN;
  }
  return { offsets, end };
}

function bind(wasm: Exports): WasmKernels {
  const { memory } = wasm;
  // grows the memory to `bytes` if needed and allowed; growing detaches old views, so callers
  // view after
  const reserve = (bytes: number): boolean => {
    if (bytes > MAX_BYTES) return false;
    const missing = Math.ceil((bytes - memory.buffer.byteLength) / PAGE);
    if (missing > 0) memory.grow(missing);
    return true;
  };
  const put = (offset: number, src: Float64Array) =>
    new Float64Array(memory.buffer, offset, src.length).set(src);
  const take = (dst: Float64Array, offset: number) =>
    dst.set(new Float64Array(memory.buffer, offset, dst.length));

  // A, B, C, then the nonzero list of one row of A: k row addresses (i32) and k values
  const dotLayout = (m: number, k: number, n: number) => {
    const { offsets, end } = layout([8 * m * k, 8 * k * n, 8 * m * n, 4 * k, 8 * k]);
    return reserve(end) ? offsets : null;
  };

  return {
    dot(A, B, C, m, k, n) {
      const offsets = dotLayout(m, k, n);
      if (offsets === null) return false;
      const [a, b, c, rows, vals] = offsets;
      put(a, A);
      put(b, B);
      wasm.dot(a, m, k, b, n, c, rows, vals);
      take(C, c);
      return true;
    },
    dotNT(A, B, C, m, k, n) {
      // B is small where this is used (W2 in δ·W2ᵀ): transpose it on the way in, then dot
      const offsets = dotLayout(m, k, n);
      if (offsets === null) return false;
      const [a, b, c, rows, vals] = offsets;
      put(a, A);
      const bT = new Float64Array(memory.buffer, b, k * n);
      for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) bT[p * n + j] = B[j * k + p];
      wasm.dot(a, m, k, b, n, c, rows, vals);
      take(C, c);
      return true;
    },
    dotTN(A, B, C, k, m, n) {
      // A, B, C, then room for every entry of A in the column lists, and a count per column
      const { offsets, end } = layout([
        8 * A.length,
        8 * B.length,
        8 * C.length,
        4 * k * m,
        8 * k * m,
        4 * m,
      ]);
      if (!reserve(end)) return false;
      const [a, b, c, rows, vals, counts] = offsets;
      put(a, A);
      put(b, B);
      wasm.dot_tn(a, k, m, b, n, c, rows, vals, counts);
      take(C, c);
      return true;
    },
  };
}

/**
 * The kernels of the binary at `file` (matmul.wasm beside this module by default), or null
 * when the file is missing or does not compile here (no WebAssembly SIMD).
 */
export function loadWasmKernels(
  file: URL | string = new URL('./matmul.wasm', import.meta.url),
): WasmKernels | null {
  try {
    return bind(instantiate(readFileSync(file)));
  } catch {
    return null; // no binary, no SIMD: the JS loops serve every product
  }
}

/** The SIMD kernels, or null where they cannot be loaded. */
export const wasmKernels: WasmKernels | null = loadWasmKernels();
