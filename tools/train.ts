// `npm run train`: the chapter's payoff. Trains TwoLayerNet (06) with trainNeuralNet (07) on
// MNIST, shows a progress bar and a per-epoch accuracy table, and writes Fig. 4-11, Fig. 4-12,
// the curves' data and the trained parameters under reports/. See `npm run train -- --help`.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import cliProgress from 'cli-progress';
import { loadMnist } from '../src/index.ts';
import { threadCount, useFastKernels } from '../kernels/index.ts';
import { parseTrainArgs, USAGE, UsageError, type TrainArgs } from './train/args.ts';
import { drawFigures, saveHistory, type TrainHistory } from './train/figures.ts';
import { saveParams } from './train/params.ts';
import { runTraining, type RunResult } from './train/run.ts';
import { loadImpl, UnfinishedError, type EpochRecord } from './train/student.ts';

export { loadParams } from './train/params.ts';

const pct = (x: number) => `${(100 * x).toFixed(2)}%`.padStart(8);

function epochRow(e: EpochRecord): string {
  const cols = [String(e.epoch).padStart(5), String(e.iteration).padStart(9)];
  return `${cols.join(' ')}  ${pct(e.trainAcc)}  ${pct(e.testAcc)}  ${e.loss.toFixed(4).padStart(8)}`;
}
const TABLE_HEAD = 'epoch iteration train acc  test acc      loss';

// the bar on stderr, redrawn synchronously in the loop (training never yields to the event
// loop); the table goes to stdout, one row per epoch, after clearing the bar's line
function progressDisplay(iters: number) {
  const tty = process.stderr.isTTY === true;
  const bar = new cliProgress.SingleBar(
    {
      format: 'training {bar} {percentage}% | iter {value}/{total} | loss {loss} | ETA {eta}',
      hideCursor: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false; // until the first iteration, so a stub's message stands alone
  const start = () => {
    if (started) return;
    started = true;
    console.log(TABLE_HEAD);
    bar.start(iters, 0, { loss: '-', eta: '…' });
  };
  const eta = etaClock(iters);
  return {
    onIteration: (i: number, loss: number) => {
      start();
      bar.update(i, { loss: loss.toFixed(4), eta: eta(i) });
    },
    onEpoch: (e: EpochRecord) => {
      start();
      if (tty) process.stderr.write('\r\x1b[2K');
      console.log(epochRow(e)); // the bar redraws below it on the next iteration
    },
    stop: () => bar.stop(),
  };
}

/**
 * The time left, from the pace since the first iterations: the first ones pay for V8's
 * warm-up and the first accuracy pass, and extrapolated from alone they read as an hour.
 */
export function etaClock(total: number, now = () => performance.now()) {
  const WARM_UP = Math.min(50, Math.ceil(total / 20)); // iterations before the clock starts
  const SETTLE = 50; // iterations timed before an estimate is shown
  let from: { i: number; t: number } | undefined;
  return (i: number): string => {
    if (i < WARM_UP) return '…';
    from ??= { i, t: now() };
    if (i - from.i < SETTLE) return '…';
    const seconds = ((now() - from.t) / 1000 / (i - from.i)) * (total - i);
    return seconds >= 60
      ? `${Math.floor(Math.round(seconds) / 60)}m${String(Math.round(seconds) % 60).padStart(2, '0')}s`
      : `${Math.ceil(seconds)}s`;
  };
}

async function save(args: TrainArgs & { out: string }, run: RunResult): Promise<string[]> {
  const meta = {
    impl: args.impl,
    data: args.data ?? process.env.MNIST_DIR ?? 'bundled digits (8000/2000)',
    iters: args.iters,
    batchSize: args.batchSize,
    lr: args.lr,
    hidden: args.hidden,
    seed: args.seed,
    iterPerEpoch: run.iterPerEpoch,
    trainAcc: run.trainAcc,
    testAcc: run.testAcc,
  };
  const history: TrainHistory = { meta, ...run.history };
  const paramsFile = path.join(args.out, 'params.json');
  const historyFile = path.join(args.out, 'train-history.json');
  saveParams(paramsFile, run.network.params, meta);
  saveHistory(historyFile, history);
  return [...(await drawFigures(history, args.out)), paramsFile, historyFile];
}

/** Runs `npm run train` with argv (flags only); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let args: TrainArgs;
  try {
    args = parseTrainArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`npm run train: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  let threads: number;
  try {
    threads = threadCount();
  } catch (error) {
    console.error(`npm run train: ${(error as Error).message}`);
    return 2;
  }
  useFastKernels(); // the products on WebAssembly and up to `threads` threads (kernels/)
  let display: ReturnType<typeof progressDisplay> | undefined;
  try {
    const { TwoLayerNet, train } = await loadImpl(args.impl);
    let data;
    try {
      data = loadMnist({ oneHotLabel: true, dir: args.data });
    } catch (error) {
      const dir = args.data ?? process.env.MNIST_DIR;
      console.error(`npm run train: cannot load MNIST from ${dir}: ${(error as Error).message}`);
      return 2;
    }
    if (!args.json) {
      const [nTrain, nTest] = [data.xTrain.shape[0], data.xTest.shape[0]];
      console.log(
        `${args.impl}: ${args.iters} iterations, batch ${args.batchSize}, ` +
          `lr ${args.lr}, hidden ${args.hidden}, seed ${args.seed}; ${nTrain} train / ${nTest} test digits; ` +
          `products on up to ${threads} threads (DLFS_THREADS)`,
      );
      display = progressDisplay(args.iters);
    }
    const run = runTraining({ ...args, TwoLayerNet, train, data, ...display });
    display?.stop();
    display = undefined;
    const files = args.out === undefined ? [] : await save({ ...args, out: args.out }, run);
    const { iters } = args;
    const msPerIter = (1000 * run.trainSeconds) / iters;
    if (args.json) {
      const { trainSeconds, evalSeconds, trainAcc, testAcc } = run;
      console.log(
        JSON.stringify({ iters, trainSeconds, msPerIter, trainAcc, testAcc, evalSeconds }),
      );
    } else {
      console.log(
        `\nfinal accuracy: train ${pct(run.trainAcc).trim()}, test ${pct(run.testAcc).trim()}`,
      );
      console.log(
        `time: ${run.trainSeconds.toFixed(2)} s (${msPerIter.toFixed(3)} ms/iter, ` +
          `of which ${run.evalSeconds.toFixed(2)} s in the per-epoch accuracy passes)`,
      );
      console.log(`wrote ${files.join(', ')}`);
      if (args.out !== 'reports')
        console.log(
          "(the book's run, with no flags, writes to reports/, which the report page shows)",
        );
    }
    return 0;
  } catch (error) {
    display?.stop();
    if (!(error instanceof UnfinishedError)) throw error;
    console.error(`npm run train: ${error.message}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
