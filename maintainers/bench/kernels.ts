// Times the matrix kernels of kernels/ on the shapes of one training step of the book's
// 784-50-10 net (batch 100, real MNIST digits): the JS loops and the WebAssembly SIMD kernels
// side by side, a naive triple loop as the yardstick, the sum over one iteration's products,
// and then whole steps of the reference TwoLayerNet (gradient, update, loss) and its loss alone
// (one of the 79,520 evaluations of a numerical gradient).
// Run: npx tsx bench/kernels.ts [repeats]   (each timing is reported as best-of and median)
import { NDArray, createRng, loadMnist, randn } from '../../src/index.ts';
import { useFastKernels } from '../../kernels/index.ts';
import { jsDot, jsDotNT, jsDotTN } from '../../kernels/js.ts';
import { loadWasm } from '../../kernels/products.ts';
import { TwoLayerNet } from '../../solutions/06_two_layer_net.ts';

const BATCH = 100;
const INPUT = 784; // 28 × 28 pixels
const HIDDEN = 50;
const OUTPUT = 10;
const LEARNING_RATE = 0.1; // the book's
const MIN_SECONDS = 0.2; // per measurement, enough to average out timer and GC noise
const REPEATS = Number(process.argv[2] ?? 7); // the machine is shared: repeat, keep best and median
const SEED = 7;

useFastKernels(); // the whole steps below run as training runs them
const wasmKernels = loadWasm();
const rng = createRng(SEED);

const mnist = loadMnist({ oneHotLabel: true });

// rows of a, picked at random with replacement: a minibatch, as trainNeuralNet draws it
function batch(a: NDArray, picks: number[]): NDArray {
  const width = a.size / a.shape[0];
  const out = new Float64Array(picks.length * width);
  picks.forEach((r, i) => out.set(a.data.subarray(r * width, (r + 1) * width), i * width));
  return new NDArray(out, [picks.length, width]);
}
const trainSize = mnist.xTrain.shape[0];
const sparse = () => batch(mnist.xTrain, rng.choice(trainSize, BATCH)); // ~81% zeros

type Layout = 'NN' | 'TN' | 'NT';
type Kernel = (A: Float64Array, B: Float64Array, C: Float64Array, ...dims: number[]) => void;

// the reference: C[i, j] = Σ_p A(i, p)·B(p, j), i-j-p order over flat arrays, where A and B
// read a or b transposed as the layout says (the strides below)
function naive(layout: Layout, a: NDArray, b: NDArray): Float64Array {
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
  return C;
}

// milliseconds of this process's CPU time per call, as { best, median } of REPEATS runs of
// MIN_SECONDS each, after a warm-up. CPU time, not wall time: on a shared machine the wall clock
// also counts the time other processes hold the core (it equals CPU time when the machine is idle).
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
function time(f: () => unknown): { best: number; median: number } {
  for (let i = 0; i < 20; i++) f();
  const runs: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    let calls = 0;
    const start = cpuMs();
    let now = start;
    while (now - start < MIN_SECONDS * 1000) {
      for (let i = 0; i < 10; i++) f();
      calls += 10;
      now = cpuMs();
    }
    runs.push((now - start) / calls);
  }
  runs.sort((x, y) => x - y);
  return { best: runs[0], median: runs[runs.length >> 1] };
}

// the kernels under test, called on flat data as src/linalg.ts calls them
const variants: Record<Layout, [string, Kernel][]> = {
  NN: [['js', jsDot as Kernel], ...(wasmKernels ? [['wasm', wasmKernels.dot as Kernel]] : [])] as [
    string,
    Kernel,
  ][],
  TN: [
    ['js', jsDotTN as Kernel],
    ...(wasmKernels ? [['wasm', wasmKernels.dotTN as Kernel]] : []),
  ] as [string, Kernel][],
  NT: [['js', jsDotNT], ...(wasmKernels ? [['wasm', wasmKernels.dotNT as Kernel]] : [])] as [
    string,
    Kernel,
  ][],
};

// [name, layout, a, b, calls per training iteration]: gradient() runs the forward pass and the
// backward products once, then loss() after the update runs the forward pass again
const cases: [string, Layout, NDArray, NDArray, number][] = [
  ['x·W1 sparse', 'NN', sparse(), randn([INPUT, HIDDEN], rng), 2],
  ['x·W1 dense', 'NN', randn([BATCH, INPUT], rng), randn([INPUT, HIDDEN], rng), 0],
  ['xᵀ·δ1 sparse', 'TN', sparse(), randn([BATCH, HIDDEN], rng), 1],
  ['xᵀ·δ1 dense', 'TN', randn([BATCH, INPUT], rng), randn([BATCH, HIDDEN], rng), 0],
  ['z1·W2', 'NN', randn([BATCH, HIDDEN], rng), randn([HIDDEN, OUTPUT], rng), 2],
  ['z1ᵀ·δ2', 'TN', randn([BATCH, HIDDEN], rng), randn([BATCH, OUTPUT], rng), 1],
  ['δ2·W2ᵀ', 'NT', randn([BATCH, OUTPUT], rng), randn([HIDDEN, OUTPUT], rng), 1],
];

const perIteration: Record<string, number> = {};
const rows = cases.flatMap(([name, layout, a, b, perIter]) => {
  const [m, k] = layout === 'TN' ? [a.shape[1], a.shape[0]] : a.shape;
  const n = layout === 'NT' ? b.shape[0] : b.shape[1];
  const dims = layout === 'TN' ? [k, m, n] : [m, k, n];
  const want = naive(layout, a, b);
  const msNaive = time(() => naive(layout, a, b)).best;
  return variants[layout].map(([impl, kernel]) => {
    const out = new Float64Array(m * n);
    kernel(a.data, b.data, out, dims[0], dims[1], dims[2]);
    const err = Math.max(...out.map((v, i) => Math.abs(v - want[i])));
    const ms = time(() => kernel(a.data, b.data, out, dims[0], dims[1], dims[2]));
    perIteration[impl] = (perIteration[impl] ?? 0) + perIter * ms.best;
    return {
      kernel: `${{ NN: 'dot', TN: 'dotTN', NT: 'dotNT' }[layout]} ${name}`,
      impl,
      shapes: `(${a.shape.join('×')}) (${b.shape.join('×')})`,
      'best ms': +ms.best.toFixed(4),
      'median ms': +ms.median.toFixed(4),
      'vs naive': +(msNaive / ms.best).toFixed(1),
      'GMAC/s': +((m * k * n) / ms.best / 1e6).toFixed(2), // dense-equivalent multiply-adds
      'max |Δ|': err.toExponential(1),
    };
  });
});
console.table(rows);
for (const [impl, ms] of Object.entries(perIteration)) {
  console.log(`products of one training iteration, ${impl}: ${ms.toFixed(3)} ms (best-of sums)`);
}

// whole training steps of the reference net on fresh minibatches, as trainNeuralNet runs them
// (src/linalg.ts picks wasm or JS by size; without wasm these are the JS numbers)
const net = new TwoLayerNet(INPUT, HIDDEN, OUTPUT, 0.01, createRng(SEED));
const batches = Array.from({ length: 64 }, () => {
  const picks = rng.choice(trainSize, BATCH);
  return [batch(mnist.xTrain, picks), batch(mnist.tTrain, picks)];
});
let step = 0;
const train = time(() => {
  const [x, t] = batches[step++ % batches.length];
  const grad = net.gradient(x, t);
  for (const key of ['W1', 'b1', 'W2', 'b2'] as const) {
    const [p, g] = [net.params[key].data, grad[key].data];
    for (let j = 0; j < p.length; j++) p[j] -= LEARNING_RATE * g[j]; // in place, as trainNeuralNet
  }
  return net.loss(x, t);
});
const [x0, t0] = batches[0];
const loss = time(() => net.loss(x0, t0));
console.log(
  `TwoLayerNet step (gradient, update, loss): best ${train.best.toFixed(3)} ms, ` +
    `median ${train.median.toFixed(3)} ms`,
);
console.log(
  `TwoLayerNet loss, batch ${BATCH}: best ${(1000 * loss.best).toFixed(1)} µs, ` +
    `median ${(1000 * loss.median).toFixed(1)} µs`,
);
