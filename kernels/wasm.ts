// Loads the WebAssembly SIMD kernels of matmul.wat from matmul.wasm, the binary assembled from
// it by `npm run build:wasm` (kernels/build.ts) and committed beside it: a synchronous read and
// compile of under 2 kB when the fast kernels are switched on, with no toolchain at run time
// (`npm run check` verifies that the binary matches the text). Where the binary or
// WebAssembly SIMD is missing, loadWasmKernels gives null and kernels/products.ts uses the JS
// loops of js.ts instead.
//
// The kernels work on their own linear memory (wasm-memory.ts): each call copies the operands
// in, runs, and copies the result out, a small part of the product's time at the book's shapes
// (maintainers/bench/kernels.ts); nothing is kept between calls. The memory is shared so that
// products big enough to repay it are split by rows between this thread and the helpers of
// team.ts.
import { readFileSync } from 'node:fs';
import { Team, threadCount } from './team.ts';
import { bind, MAX_BYTES, PAGE } from './wasm-memory.ts';

// tsconfig's lib has no DOM and @types/node declares no WebAssembly values: the parts used here
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
};
export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}

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
  /** How many threads a big product would use now: 1 until a helper thread is ready. */
  threadsReady(): number;
  /**
   * How many products these kernels computed since load (a declined one is not theirs), and
   * how many of them were shared between threads. products.ts's productPaths reports them.
   */
  counts(): { products: number; shared: number };
  /** Stops the helper threads; products then run on the calling thread alone. */
  close(): void;
}

// the kernels of matmul.wat: every argument is an i32, a byte address or a count
export type Exports = {
  dot: (
    a: number,
    m: number,
    k: number,
    b: number,
    n: number,
    c: number,
    rows: number,
    vals: number,
  ) => void;
  dot_shared: (
    a: number,
    m: number,
    k: number,
    b: number,
    n: number,
    c: number,
    rows: number,
    vals: number,
    next: number,
  ) => void;
  list_columns: (
    a: number,
    k: number,
    m: number,
    b: number,
    n: number,
    rows: number,
    vals: number,
    counts: number,
  ) => void;
  combine_columns_shared: (
    c: number,
    n: number,
    rows: number,
    vals: number,
    counts: number,
    k: number,
    m: number,
    next: number,
  ) => void;
};

/**
 * The kernels of the binary at `file` (matmul.wasm beside this module by default), or null
 * when the file is missing or does not compile here (no WebAssembly SIMD). `threads` is asked
 * at the first big product how many threads may share it (DLFS_THREADS, or the cores).
 */
export function loadWasmKernels(
  file: URL | string = new URL('./matmul.wasm', import.meta.url),
  threads: () => number = threadCount,
): WasmKernels | null {
  let module: object, memory: WasmMemory, wasm: Exports;
  try {
    module = new WebAssembly.Module(readFileSync(file));
    memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_BYTES / PAGE, shared: true });
    wasm = new WebAssembly.Instance(module, { env: { memory } }).exports as Exports;
  } catch {
    return null; // no binary, no SIMD, no shared memory: the JS loops serve every product
  }
  return bind(wasm, memory, () => {
    const n = threads();
    return n > 1 ? new Team(module, memory, n) : null;
  });
}
