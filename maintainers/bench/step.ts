// `npm run bench:step`: where a training step's time goes, here and in the NumPy peer.
// One step of the book's network (batch 100), cut into the same pieces on both sides and
// timed over 3000 steps after 300 of warm-up: ours with the library calls of solutions/06 and
// 07 on one thread, the peer's by bench/step.py. The timers themselves cost a little on both
// sides, so the totals run above `npm run bench`'s. Prints a table of µs per step.
import { fileURLToPath } from 'node:url';
import {
  add,
  createRng,
  crossEntropyError,
  div,
  dot,
  dotNT,
  dotTN,
  loadMnist,
  mul,
  randn,
  sigmoid,
  sigmoidGrad,
  softmax,
  sub,
  sum,
  takeRows,
  zeros,
} from '../../src/index.ts';
import { useFastKernels } from '../../kernels/index.ts';
import { findPython, INSTALL_HINT, runPython } from './peer.ts';
import { printTable, type Row } from './table.ts';

process.env.DLFS_THREADS = '1'; // as the peer's one BLAS thread (read when a product is shared)
useFastKernels();
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const [WARMUP, STEPS, BATCH, LR] = [300, 3000, 100, 0.1];

function ourStep(): Record<string, number> {
  const { xTrain, tTrain } = loadMnist({ oneHotLabel: true });
  const rng = createRng(0);
  const p = {
    W1: mul(randn([784, 50], rng), 0.01),
    b1: zeros([50]),
    W2: mul(randn([50, 10], rng), 0.01),
    b2: zeros([10]),
  };
  const spent: Record<string, number> = {};
  const timed = <T>(piece: string, fn: () => T): T => {
    const start = performance.now();
    const value = fn();
    spent[piece] = (spent[piece] ?? 0) + performance.now() - start;
    return value;
  };
  for (let step = 0; step < WARMUP + STEPS; step++) {
    if (step === WARMUP) for (const piece of Object.keys(spent)) spent[piece] = 0;
    const [x, t] = timed('draw the batch', () => {
      const mask = rng.choice(xTrain.shape[0], BATCH);
      return [takeRows(xTrain, mask), takeRows(tTrain, mask)];
    });
    const a1 = timed('x·W1 + b1', () => add(dot(x, p.W1), p.b1));
    const [z1, y] = timed('sigmoid, z1·W2 + b2, softmax', () => {
      const hidden = sigmoid(a1);
      return [hidden, softmax(add(dot(hidden, p.W2), p.b2))];
    });
    const [g, dz1] = timed('the rest of backpropagation', () => {
      const dy = div(sub(y, t), BATCH);
      const delta = mul(sigmoidGrad(a1), dotNT(dy, p.W2));
      return [{ W2: dotTN(z1, dy), b2: sum(dy, 0), b1: sum(delta, 0) }, delta];
    });
    const gW1 = timed('xᵀ·δ', () => dotTN(x, dz1));
    const grads = { ...g, W1: gW1 };
    timed('the update', () => {
      for (const key of ['W1', 'b1', 'W2', 'b2'] as const) {
        const [param, grad] = [p[key].data, grads[key].data];
        for (let j = 0; j < param.length; j++) param[j] -= LR * grad[j];
      }
    });
    const b1 = timed('the loss: x·W1 + b1', () => add(dot(x, p.W1), p.b1));
    timed('the loss: the rest', () =>
      crossEntropyError(softmax(add(dot(sigmoid(b1), p.W2), p.b2)), t),
    );
  }
  return Object.fromEntries(Object.entries(spent).map(([k, ms]) => [k, (1000 * ms) / STEPS]));
}

function peerStep(): Record<string, number> | string {
  const python = findPython();
  if (python === undefined) return INSTALL_HINT;
  try {
    return runPython<Record<string, number>>(python, ROOT, ['maintainers/bench/step.py']);
  } catch (error) {
    return (error as Error).message;
  }
}

console.error(`[bench:step] timing ${STEPS} steps here, then in the NumPy peer ...`);
const ours = ourStep();
const peer = peerStep();
if (typeof peer === 'string') console.error(`[bench:step] no peer: ${peer}`);
const theirs: Record<string, number | undefined> = typeof peer === 'string' ? {} : peer;
const total = (side: Record<string, number>) => Object.values(side).reduce((s, v) => s + v, 0);
printTable([
  ...Object.entries(ours).map(([piece, v]): Row => [piece, v, theirs[piece], 'µs']),
  ['total (µs per step)', total(ours), typeof peer === 'string' ? undefined : total(peer), 'µs'],
]);
