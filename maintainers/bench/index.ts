// `npm run bench`: this project against the NumPy peer, in the same run, on the same split.
//   1. the book's training run (sigmoid, hidden 50, batch 100, lr 0.1, 10,000 iterations)
//   2. one numerical gradient of the 784-50-10 net at batch 100 (goal: TS/NumPy ≤ 0.5)
//   3. the grading time: a cold full grade against vitest's floor (goal: ≤ 5 s, about 2×)
// Our side runs twice, in fresh processes: on one thread, as the peer's one BLAS thread, and
// with the helper threads of kernels/team.ts that this machine's cores allow.
// Flags: --quick (extrapolate the TS numerical gradient, quick peer timings),
//        --full-numgrad (the peer measures a whole numerical gradient too; slow).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { threadCount } from '../../kernels/index.ts';
import { measureGrading, type GradingTimes } from './grading.ts';
import { blasKind, findPython, INSTALL_HINT, runPeer, type PeerResult } from './peer.ts';
import { printTable, type Row } from './table.ts';
import { BOOK, type TsNumgrad, type TsTrain } from './ts.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = path.join(ROOT, 'reports', 'bench.json');

const { values: flags } = parseArgs({
  options: { quick: { type: 'boolean' }, 'full-numgrad': { type: 'boolean' } },
});
const quick = flags.quick ?? false;

// the peer reads the bundled digits; an IDX folder in the environment must not change our side
delete process.env.MNIST_DIR;
const log = (s: string) => console.error(`[bench] ${s}`);

interface TsSide {
  threads: number;
  train: TsTrain;
  numgrad: TsNumgrad;
}
const tsx = path.join(path.dirname(createRequire(import.meta.url).resolve('tsx')), 'cli.mjs');

// this project's side in a fresh process with `threads` threads for the big products
function runTs(threads: number): TsSide {
  log(
    `TS, ${threads} thread${threads > 1 ? 's' : ''}: training the book's network, ${BOOK.iters} ` +
      `iterations (solutions/06 + 07), then one numerical gradient at batch 100 ` +
      `(${quick ? 'extrapolated, --quick' : 'measured; about a minute'}) ...`,
  );
  const run = spawnSync(
    process.execPath,
    [tsx, 'maintainers/bench/ts-child.ts', ...(quick ? ['--quick'] : [])],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DLFS_THREADS: String(threads) } },
  );
  const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT_JSON '));
  if (run.status !== 0 || line === undefined) {
    throw new Error(
      `maintainers/bench/ts-child.ts failed (exit ${run.status}): ${run.stderr.trim()}`,
    );
  }
  return JSON.parse(line.slice('RESULT_JSON '.length)) as TsSide;
}

// one thread, as the peer's one BLAS thread; then the helper threads this machine allows
const cores = threadCount();
const single = runTs(1);
const team = cores > 1 ? runTs(cores) : undefined;
const { train: tsTrain, numgrad: tsNumgrad } = team ?? single;

const python = findPython();
let peerTrain: PeerResult | undefined;
let peerNumgrad: PeerResult | undefined;
let peerError: string | undefined;
if (python === undefined) {
  peerError = INSTALL_HINT;
} else {
  try {
    log(`NumPy (${python.label}): training, --train-only ...`);
    peerTrain = runPeer(python, ROOT, ['--train-only']);
    log('NumPy: numerical-gradient timings ...');
    const numgradFlags = ['--iters', '1', ...(quick ? ['--quick'] : [])];
    if (flags['full-numgrad']) numgradFlags.push('--full-numgrad');
    peerNumgrad = runPeer(python, ROOT, numgradFlags);
  } catch (error) {
    peerError = (error as Error).message;
  }
}

log('grading: IMPL=solutions npm test, then vitest on one trivial test ...');
let grading: GradingTimes | undefined;
try {
  grading = measureGrading(ROOT);
} catch (error) {
  log(`grading time not measured: ${(error as Error).message}`);
}

// ---- report
const pt = peerTrain?.runs.sigmoid.train;
const png = peerNumgrad?.runs.sigmoid.numgrad_full_784x50x10_b100;
const peerNumgradSeconds = png?.measured_full_s ?? png?.extrapolated_s_per_gradient;
const blas = peerTrain ? blasKind(peerTrain.blas_libs_mapped) : undefined;
const ratio = (a: number, b: number | undefined) => (b ? a / b : undefined);

const threadRows = (label: string, pick: (side: TsSide) => number, peer?: number): Row[] =>
  team
    ? [
        [`${label}, 1 thread`, pick(single), peer, 's'],
        [`${label}, ${team.threads} threads`, pick(team), peer, 's'],
      ]
    : [[label, pick(single), peer, 's']];
const rows: Row[] = [
  ...threadRows(
    'training loop, excl. eval (s)',
    (side) => side.train.loopSecondsExclEval,
    pt?.train_loop_s_excl_eval,
  ),
  ['  ms per iteration', tsTrain.msPerIter, pt?.ms_per_iter, 'ms'],
  [
    'training incl. eval (s)',
    tsTrain.trainSeconds,
    pt && pt.train_loop_s_excl_eval + pt.eval_s,
    's',
  ],
  ['final train accuracy', tsTrain.trainAcc, pt?.final_train_acc, 'acc'],
  ['final test accuracy', tsTrain.testAcc, pt?.final_test_acc, 'acc'],
  ...threadRows('numerical gradient, b100 (s)', (side) => side.numgrad.seconds, peerNumgradSeconds),
];
console.log('');
printTable(rows);
if (grading) {
  const r = grading.graderSeconds / grading.floorSeconds;
  console.log(
    `\ngrading (${grading.score}): IMPL=solutions npm test ${grading.npmTestSeconds.toFixed(2)} s, ` +
      `node grader/cli.mjs ${grading.graderSeconds.toFixed(2)} s, vitest floor (1 trivial test) ` +
      `${grading.floorSeconds.toFixed(2)} s → ${r.toFixed(2)}× the floor (goal: ≤ 5 s, about 2×)`,
  );
}
const numgradRatio = ratio(tsNumgrad.seconds, peerNumgradSeconds);
console.log(
  `TS rows without a thread count use ${team ? `${team.threads} threads` : '1 thread'} ` +
    `(DLFS_THREADS sets it; the peer uses one BLAS thread)`,
);
if (numgradRatio !== undefined) {
  const how = (measured: boolean) => (measured ? 'measured' : 'extrapolated');
  console.log(
    `numerical gradient: TS/NumPy = ${numgradRatio.toFixed(2)}× (goal ≤ 0.5×); TS ` +
      `${how(tsNumgrad.measured)}, NumPy ${how(png?.measured_full_s !== undefined)}`,
  );
}
if (peerTrain && blas) {
  console.log(
    `peer: ${peerTrain.python}, numpy ${peerTrain.numpy}, BLAS ${blas.name}, OPENBLAS_NUM_THREADS=1`,
  );
  if (blas.reference) {
    console.log(
      'WARNING: the peer ran on the reference BLAS, so it is no fair peer; install libopenblas0-pthread.',
    );
  }
}
if (peerError) console.log(`peer not run: ${peerError}`);

fs.mkdirSync(path.dirname(OUT), { recursive: true });
const report = {
  date: new Date().toISOString(),
  quick,
  node: process.version,
  book: BOOK,
  ts: { train: tsTrain, numgrad: tsNumgrad, threads: (team ?? single).threads, single },
  peer: peerTrain && {
    python: peerTrain.python,
    numpy: peerTrain.numpy,
    blas: blas?.name,
    blas_libs_mapped: peerTrain.blas_libs_mapped,
    train: pt,
    numgrad: png,
  },
  peerError,
  ratios: {
    trainLoopExclEval: ratio(tsTrain.loopSecondsExclEval, pt?.train_loop_s_excl_eval),
    trainLoopExclEvalOneThread: ratio(single.train.loopSecondsExclEval, pt?.train_loop_s_excl_eval),
    numgradOneThread: ratio(single.numgrad.seconds, peerNumgradSeconds),
    trainTotal: ratio(tsTrain.trainSeconds, pt && pt.train_loop_s_excl_eval + pt.eval_s),
    numgrad: numgradRatio,
    gradingVsFloor: grading && grading.graderSeconds / grading.floorSeconds,
  },
  grading,
};
fs.writeFileSync(OUT, JSON.stringify(report, null, 2) + '\n');
console.log(`\nwrote ${path.relative(ROOT, OUT)}`);
