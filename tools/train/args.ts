// `npm run train` flags: node:util parseArgs, then a range check for each number, so a typo
// stops with a message that names the flag and what it accepts (exit 2), never a NaN run.
import { parseArgs } from 'node:util';

export const IMPLS = ['exercises', 'solutions'] as const;
export type Impl = (typeof IMPLS)[number];

export interface TrainArgs {
  impl: Impl;
  iters: number;
  batchSize: number;
  lr: number;
  hidden: number;
  seed: number;
  data: string | undefined; // a folder of MNIST IDX files; undefined: the bundled digits
  /** Where figures, params and history go; undefined: nowhere (a --json run). */
  out: string | undefined;
  json: boolean;
}

/** The book's run: its figures and params are the ones reports/ and the report page show. */
export const BOOK_RUN = { iters: 10_000, batchSize: 100, lr: 0.1, hidden: 50, seed: 0 };

/** A bad command line: main prints the message and the usage, then exits 2. */
export class UsageError extends Error {}

export const USAGE = `usage: npm run train -- [options]
  --impl exercises|solutions  whose TwoLayerNet and trainNeuralNet to run (default exercises)
  --iters N                   SGD iterations, integer >= 1 (default 10000, the book's iters_num)
  --batch-size N              mini-batch size, integer >= 1 (default 100)
  --lr X                      learning rate, number > 0 (default 0.1)
  --hidden N                  hidden units, integer >= 1 (default 50)
  --seed N                    seed for the weights and the batches, integer >= 0 (default 0)
  --data DIR                  full MNIST IDX files in DIR (also env MNIST_DIR); default: the bundled digits
  --out DIR                   where figures, params and history go (default: reports/ for the book's
                              settings, reports/runs/<settings>/ for others, so no run overwrites another)
  --json                      print {iters, trainSeconds, msPerIter, trainAcc, testAcc}, no progress bar;
                              writes no files unless --out is given`;

const MAX_SEED = 2 ** 32 - 1; // mulberry32 keeps 32 bits of the seed

type Check = { integer: boolean; min: number; minExclusive?: boolean; max?: number };

function numberFlag(name: string, raw: string | undefined, fallback: number, check: Check) {
  if (raw === undefined) return fallback;
  const value = raw.trim() === '' ? NaN : Number(raw);
  const { integer, min, minExclusive = false, max = Infinity } = check;
  const kind = integer ? 'an integer' : 'a number';
  const range = `${minExclusive ? '>' : '>='} ${min}${max < Infinity ? ` and <= ${max}` : ''}`;
  const ok =
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    (minExclusive ? value > min : value >= min) &&
    value <= max;
  if (!ok) throw new UsageError(`--${name} must be ${kind} ${range}, got '${raw}'`);
  return value;
}

const NUMBER_FLAGS = ['--iters', '--batch-size', '--lr', '--hidden', '--seed'];

// parseArgs calls `--lr -0.1` ambiguous; glue a negative number to its flag so the range
// check below can say what the flag accepts
function glueNegatives(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (NUMBER_FLAGS.includes(argv[i]) && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]);
  }
  return out;
}

/** Parses argv (without node and the script); throws UsageError on anything unexpected. */
export function parseTrainArgs(argv: readonly string[]): TrainArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: glueNegatives(argv),
      strict: true,
      allowPositionals: false,
      options: {
        impl: { type: 'string' },
        iters: { type: 'string' },
        'batch-size': { type: 'string' },
        lr: { type: 'string' },
        hidden: { type: 'string' },
        seed: { type: 'string' },
        data: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
      },
    }));
  } catch (error) {
    // parseArgs names the flag; drop its advice about '--' which fits no flag here
    const message = (error as Error).message.split('. To specify')[0];
    throw new UsageError(message);
  }
  const impl = values.impl ?? 'exercises';
  if (!(IMPLS as readonly string[]).includes(impl)) {
    throw new UsageError(`--impl must be 'exercises' or 'solutions', got '${impl}'`);
  }
  if (values.data === '') throw new UsageError('--data must name a folder of MNIST IDX files');
  const run = {
    iters: numberFlag('iters', values.iters, BOOK_RUN.iters, { integer: true, min: 1 }),
    batchSize: numberFlag('batch-size', values['batch-size'], BOOK_RUN.batchSize, {
      integer: true,
      min: 1,
    }),
    lr: numberFlag('lr', values.lr, BOOK_RUN.lr, { integer: false, min: 0, minExclusive: true }),
    hidden: numberFlag('hidden', values.hidden, BOOK_RUN.hidden, { integer: true, min: 1 }),
    seed: numberFlag('seed', values.seed, BOOK_RUN.seed, { integer: true, min: 0, max: MAX_SEED }),
  };
  const json = values.json ?? false;
  return {
    impl: impl as Impl,
    ...run,
    data: values.data,
    out: values.out ?? (json ? undefined : defaultOut(impl, run, values.data)),
    json,
  };
}

/** reports/ for the book's run on the bundled digits; a folder of its own for any other. */
function defaultOut(impl: string, run: typeof BOOK_RUN, data: string | undefined): string {
  const book = Object.entries(BOOK_RUN).every(([k, v]) => run[k as keyof typeof BOOK_RUN] === v);
  if (book && data === undefined) return 'reports';
  const name = `${impl}-iters${run.iters}-batch${run.batchSize}-lr${run.lr}-hidden${run.hidden}-seed${run.seed}`;
  return `reports/runs/${data === undefined ? name : `${name}-own-data`}`;
}
