// Times the matrix kernels of src/linalg.ts on the shapes of one training step of the book's
// 784-50-10 net (batch 100), each against a naive triple loop measured in the same run.
// Run: npx tsx bench/kernels.ts
import { NDArray, createRng, dot, dotNT, dotTN, randn } from '../src/index.ts';

const BATCH = 100;
const INPUT = 784; // 28 × 28 pixels
const HIDDEN = 50;
const OUTPUT = 10;
const ZERO_FRACTION = 0.8; // about 80% of MNIST pixels are 0
const MIN_SECONDS = 0.3; // per measurement, enough to average out timer and GC noise
const SEED = 7;

const rng = createRng(SEED);

// an MNIST-like batch: pixels in [0, 1), most of them exactly 0
function sparse(rows: number, cols: number): NDArray {
  const a = new NDArray(new Float64Array(rows * cols), [rows, cols]);
  for (let i = 0; i < a.size; i++) a.data[i] = rng.random() < ZERO_FRACTION ? 0 : rng.random();
  return a;
}

type Layout = 'NN' | 'TN' | 'NT';

// the reference: C[i, j] = Σ_p A(i, p)·B(p, j), i-j-p order over flat arrays, where A and B
// read a or b transposed as the layout says (the strides below)
function naive(layout: Layout, a: NDArray, b: NDArray): NDArray {
  const [m, k] = layout === 'TN' ? [a.shape[1], a.shape[0]] : [a.shape[0], a.shape[1]];
  const n = layout === 'NT' ? b.shape[0] : b.shape[1];
  const [aRow, aCol] = layout === 'TN' ? [1, m] : [k, 1];
  const [bRow, bCol] = layout === 'NT' ? [1, k] : [n, 1];
  const [A, B, C] = [a.data, b.data, new Float64Array(m * n)];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += A[i * aRow + p * aCol] * B[p * bRow + j * bCol];
      C[i * n + j] = s;
    }
  }
  return new NDArray(C, [m, n]);
}

// milliseconds per call: repeat until MIN_SECONDS have passed, after a warm-up
function time(f: () => unknown): number {
  for (let i = 0; i < 20; i++) f();
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < MIN_SECONDS * 1000) {
    for (let i = 0; i < 10; i++) f();
    calls += 10;
    now = performance.now();
  }
  return (now - start) / calls;
}

const kernels = { NN: dot, TN: dotTN, NT: dotNT };
const cases: [string, Layout, NDArray, NDArray][] = [
  ['x·W1 sparse', 'NN', sparse(BATCH, INPUT), randn([INPUT, HIDDEN], rng)],
  ['x·W1 dense', 'NN', randn([BATCH, INPUT], rng), randn([INPUT, HIDDEN], rng)],
  ['xᵀ·δ1 sparse', 'TN', sparse(BATCH, INPUT), randn([BATCH, HIDDEN], rng)],
  ['xᵀ·δ1 dense', 'TN', randn([BATCH, INPUT], rng), randn([BATCH, HIDDEN], rng)],
  ['z1·W2', 'NN', randn([BATCH, HIDDEN], rng), randn([HIDDEN, OUTPUT], rng)],
  ['z1ᵀ·δ2', 'TN', randn([BATCH, HIDDEN], rng), randn([BATCH, OUTPUT], rng)],
  ['δ2·W2ᵀ', 'NT', randn([BATCH, OUTPUT], rng), randn([HIDDEN, OUTPUT], rng)],
];

const rows = cases.map(([name, layout, a, b]) => {
  const fast = kernels[layout];
  const out = fast(a, b);
  const want = naive(layout, a, b);
  const err = Math.max(...out.data.map((v, i) => Math.abs(v - want.data[i])));
  const macs = out.size * (layout === 'NT' ? a.shape[1] : a.shape[layout === 'TN' ? 0 : 1]);
  const msFast = time(() => fast(a, b, out));
  const msNaive = time(() => naive(layout, a, b));
  return {
    kernel: `${{ NN: 'dot', TN: 'dotTN', NT: 'dotNT' }[layout]} ${name}`,
    shapes: `(${a.shape.join('×')}) (${b.shape.join('×')})`,
    'ms/call': +msFast.toFixed(4),
    'naive ms': +msNaive.toFixed(4),
    speedup: +(msNaive / msFast).toFixed(1),
    'GMAC/s': +(macs / msFast / 1e6).toFixed(2), // dense-equivalent multiply-adds
    'max |Δ|': err.toExponential(1),
  };
});
console.table(rows);
