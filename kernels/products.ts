// The three matrix products as the fast kernels run them: on the WebAssembly SIMD kernels of
// wasm.ts from WASM_MIN_WORK multiply-adds up, else (and wherever wasm is missing or declines
// a product) on the unrolled JS loops of js.ts. The two sum in different orders, so they agree
// to rounding, not bit for bit: the rule that picks one is part of what every result is.
import { jsDot, jsDotNT, jsDotTN } from './js.ts';
import { loadWasmKernels, type WasmKernels } from './wasm.ts';

// m·k·n from which wasm repays its call and the copies in and out; the two tie near 128
// (docs/KERNELS.md)
const WASM_MIN_WORK = 512;

// the kernels products use: undefined until loadWasm() first runs, null where they cannot load
let wasm: WasmKernels | null | undefined;
// products computed on the JS loops since load (productPaths)
let jsProducts = 0;

/** Loads matmul.wasm the first time; then the same kernels, or null where they cannot load. */
export function loadWasm(): WasmKernels | null {
  if (wasm === undefined) wasm = loadWasmKernels();
  return wasm;
}

/** Puts `kernels` (null: none) in place of the loaded wasm kernels: for the tests. */
export function useWasmKernels(kernels: WasmKernels | null): void {
  wasm = kernels;
}

// the wasm kernels for a product of m·k·n multiply-adds, or null for the JS loops
const wasmFor = (m: number, k: number, n: number) => (m * k * n >= WASM_MIN_WORK ? wasm : null);

/** dot, dotTN and dotNT for src/backend.ts, with its signatures. */
export const products = {
  dot(A: Float64Array, B: Float64Array, C: Float64Array, m: number, k: number, n: number) {
    if (wasmFor(m, k, n)?.dot(A, B, C, m, k, n)) return;
    jsDot(A, B, C, m, k, n);
    jsProducts++;
  },
  dotTN(A: Float64Array, B: Float64Array, C: Float64Array, k: number, m: number, n: number) {
    if (wasmFor(m, k, n)?.dotTN(A, B, C, k, m, n)) return;
    jsDotTN(A, B, C, k, m, n);
    jsProducts++;
  },
  dotNT(A: Float64Array, B: Float64Array, C: Float64Array, m: number, k: number, n: number) {
    if (wasmFor(m, k, n)?.dotNT(A, B, C, m, k, n)) return;
    jsDotNT(A, B, C, m, k, n);
    jsProducts++;
  },
};

/**
 * How many products dot, dotTN and dotNT have computed on each path since load: `js` on the
 * JS loops, `wasm` on the WebAssembly kernels, and `shared`, of those, split between threads.
 * The paths give the same values to rounding, so only these counts show that the rule holds
 * (big products on wasm; the biggest shared). `wasm` and `shared` are the wasm kernels' own
 * counts, so they include products asked of them directly (the bench).
 */
export function productPaths(): { js: number; wasm: number; shared: number } {
  const counts = wasm?.counts();
  return { js: jsProducts, wasm: counts?.products ?? 0, shared: counts?.shared ?? 0 };
}
