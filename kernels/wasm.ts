// Loads the WebAssembly SIMD kernels of matmul.wat from matmul.wasm, the binary assembled from
// it by `npm run build:wasm` (kernels/build.ts) and committed beside it: a synchronous read and
// compile of under 2 kB when the fast kernels are switched on, with no toolchain at run time
// (`npm run check` verifies that the binary matches the text). Where the binary or
// WebAssembly SIMD is missing, loadWasmKernels gives null and kernels/products.ts uses the JS
// loops of js.ts instead.
//
// The kernels work on their own linear memory: each call copies the operands in, runs, and
// copies the result out, a small part of the product's time at the book's shapes
// (maintainers/bench/kernels.ts); nothing is kept between calls. The memory is shared so that
// products big enough to repay it are split by rows between this thread and the helpers of
// team.ts.
import { readFileSync } from 'node:fs';
import { Team, threadCount, type Job } from './team.ts';

// tsconfig's lib has no DOM and @types/node declares no WebAssembly values: the parts used here
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
};
interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}

const PAGE = 65536; // bytes in a WebAssembly memory page
const ALIGN = 16; // each region starts on a v128 boundary
const MAX_BYTES = 2 ** 30; // wasm32 memory stops at 4 GiB, and it never shrinks: stay well below
// m·k·n from which a product is shared between threads: a training step's x·W1 (100 MNIST rows
// times (784, 50), 3.9M) is slower on two threads than on one, for the helper's wake-up and
// two busy threads slowing each other, while the accuracy passes over thousands of rows gain
// (docs/KERNELS.md has the figures). So training steps stay on one thread and the per-epoch
// accuracy passes are shared.
const PARALLEL_MIN_WORK = 2 ** 24;

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
type Exports = {
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

function bind(wasm: Exports, memory: WasmMemory, makeTeam: () => Team | null): WasmKernels {
  // made at the first big product, so that a bad DLFS_THREADS is reported where it is used
  let madeTeam: Team | null | undefined;
  const team = () => (madeTeam ??= makeTeam());
  const tally = { products: 0, shared: 0 }; // what counts() reports
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

  // how many threads share a product of m·k·n multiply-adds
  const threads = (m: number, k: number, n: number) =>
    m * k * n >= PARALLEL_MIN_WORK ? (team()?.available() ?? 1) : 1;

  // a job on this thread: the kernel its op names, with its arguments
  const local = (job: Job) => (wasm[job.op] as (...args: number[]) => void)(...job.args);

  // Runs a shared kernel on `threads` threads (their rows counted at `next`), and alone again
  // if a helper failed: every row is then recomputed, to the same bits.
  const share = (threads: number, next: number, jobFor: (thread: number) => Job) => {
    const counter = new Int32Array(memory.buffer, next, 1);
    counter[0] = 0;
    if (threads > 1 && team()?.run(threads, jobFor, local)) {
      tally.shared++;
      return;
    }
    counter[0] = 0;
    local(jobFor(0));
  };

  // A, B, C, the row counter, then for each thread the nonzero list of one row of A: k row
  // addresses and k values
  const dotLayout = (m: number, k: number, n: number, threads: number) => {
    const lists = Array.from({ length: threads }, () => [4 * k, 8 * k]).flat();
    const { offsets, end } = layout([8 * m * k, 8 * k * n, 8 * m * n, 4, ...lists]);
    return reserve(end) ? offsets : null;
  };

  // C = A·B with A and B in place
  const dotInPlace = (offsets: number[], m: number, k: number, n: number, threads: number) => {
    const [a, b, c, next] = offsets;
    if (threads === 1) return wasm.dot(a, m, k, b, n, c, offsets[4], offsets[5]);
    share(threads, next, (t) => {
      const [rows, vals] = offsets.slice(4 + 2 * t);
      return { op: 'dot_shared', args: [a, m, k, b, n, c, rows, vals, next] };
    });
  };

  return {
    dot(A, B, C, m, k, n) {
      const parts = threads(m, k, n);
      const offsets = dotLayout(m, k, n, parts);
      if (offsets === null) return false;
      put(offsets[0], A);
      put(offsets[1], B);
      dotInPlace(offsets, m, k, n, parts);
      take(C, offsets[2]);
      tally.products++;
      return true;
    },
    dotNT(A, B, C, m, k, n) {
      // B is small where this is used (W2 in δ·W2ᵀ): transpose it on the way in, then dot
      const parts = threads(m, k, n);
      const offsets = dotLayout(m, k, n, parts);
      if (offsets === null) return false;
      put(offsets[0], A);
      const bT = new Float64Array(memory.buffer, offsets[1], k * n);
      for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) bT[p * n + j] = B[j * k + p];
      dotInPlace(offsets, m, k, n, parts);
      take(C, offsets[2]);
      tally.products++;
      return true;
    },
    dotTN(A, B, C, k, m, n) {
      // A, B, C, the row counter, then room for every entry of A in the column lists, and a
      // count per column
      const { offsets, end } = layout([
        8 * A.length,
        8 * B.length,
        8 * C.length,
        4,
        4 * k * m,
        8 * k * m,
        4 * m,
      ]);
      if (!reserve(end)) return false;
      const [a, b, c, next, rows, vals, counts] = offsets;
      put(a, A);
      put(b, B);
      // one thread lists A's columns; then the output rows are shared
      wasm.list_columns(a, k, m, b, n, rows, vals, counts);
      const args = [c, n, rows, vals, counts, k, m, next];
      share(threads(m, k, n), next, () => ({ op: 'combine_columns_shared', args }));
      take(C, c);
      tally.products++;
      return true;
    },
    threadsReady: () => team()?.available() ?? 1,
    counts: () => ({ ...tally }),
    close: () => team()?.close(),
  };
}

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
