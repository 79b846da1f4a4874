// Each product in the kernels' own linear memory (wasm.ts loads them): its operands laid out
// in aligned regions, copied in, computed, and the result copied out; a product big enough to
// repay it is shared by rows with the helper threads of team.ts.
import type { Job, Team } from './team.ts';
import type { Exports, WasmKernels, WasmMemory } from './wasm.ts';

export const PAGE = 65536; // bytes in a WebAssembly memory page
const ALIGN = 16; // each region starts on a v128 boundary
// wasm32 memory stops at 4 GiB, and it never shrinks: stay well below
export const MAX_BYTES = 2 ** 30;
// m·k·n from which a product is shared between threads: a training step's x·W1 (100 MNIST rows
// times (784, 50), 3.9M) is slower on two threads than on one, for the helper's wake-up and
// two busy threads slowing each other, while the accuracy passes over thousands of rows gain
// (docs/KERNELS.md has the figures). So training steps stay on one thread and the per-epoch
// accuracy passes are shared.
const PARALLEL_MIN_WORK = 2 ** 24;

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

/**
 * The kernels of `wasm` on `memory`. `makeTeam` is called at the first product big enough to
 * share, and gives the helper threads, or null to work alone.
 */
export function bind(wasm: Exports, memory: WasmMemory, makeTeam: () => Team | null): WasmKernels {
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
