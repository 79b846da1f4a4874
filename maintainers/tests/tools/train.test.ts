// `npm run train`: its flags, its --json line, the params file and the unfinished-stub message.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NDArray, createRng, randn } from '../../../src/index.ts';
import { etaClock, main } from '../../../tools/train.ts';
import { BOOK_RUN, parseTrainArgs, UsageError } from '../../../tools/train/args.ts';
import { loadParams, saveParams } from '../../../tools/train/params.ts';
import {
  buildNetwork,
  callTrain,
  loadImpl,
  type NetworkClass,
} from '../../../tools/train/student.ts';
import { expectClose, sameBits } from '../../../spec/support/close.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlfs-train-test-'));
// a short run spawns tsx and trains 50 iterations with two accuracy passes; room for a busy machine
const RUN_TIMEOUT_MS = 120_000;
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** main's exit code and what it printed to stderr. */
async function runMain(argv: string[]) {
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  const out = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const code = await main(argv);
    return { code, stderr: err.mock.calls.flat().join('\n') };
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
}

describe('npm run train: flags', () => {
  it('takes the book hyperparameters by default', () => {
    expect(parseTrainArgs([])).toMatchObject({
      impl: 'exercises',
      iters: 10_000,
      batchSize: 100,
      lr: 0.1,
      hidden: 50,
      seed: 0,
      json: false,
    });
  });

  it("writes the book's run to reports/, any other to a folder of its own, a --json run nowhere", () => {
    expect(parseTrainArgs([]).out).toBe('reports');
    expect(parseTrainArgs(['--impl', 'solutions']).out).toBe('reports');
    expect(parseTrainArgs(['--iters', '100']).out).toBe(
      'reports/runs/exercises-iters100-batch100-lr0.1-hidden50-seed0',
    );
    expect(parseTrainArgs(['--impl', 'solutions', '--lr', '0.5', '--seed', '3']).out).toBe(
      'reports/runs/solutions-iters10000-batch100-lr0.5-hidden50-seed3',
    );
    expect(parseTrainArgs(['--data', 'mnist']).out).toBe(
      'reports/runs/exercises-iters10000-batch100-lr0.1-hidden50-seed0-own-data',
    );
    // each setting, changed alone, gives a folder of its own
    const changed = [
      ['--iters', '9999'],
      ['--batch-size', '99'],
      ['--lr', '0.2'],
      ['--hidden', '49'],
      ['--seed', '1'],
    ].map((flag) => parseTrainArgs(flag).out);
    expect(new Set(changed).size).toBe(Object.keys(BOOK_RUN).length);
    expect(parseTrainArgs(['--iters', '100', '--json']).out).toBeUndefined();
    expect(parseTrainArgs(['--json', '--out', 'mine']).out).toBe('mine');
  });

  it.each([
    [['--iters', 'ten'], "--iters must be an integer >= 1, got 'ten'"],
    [['--iters', '0'], "--iters must be an integer >= 1, got '0'"],
    [['--batch-size', '2.5'], "--batch-size must be an integer >= 1, got '2.5'"],
    [['--lr', '-0.1'], "--lr must be a number > 0, got '-0.1'"],
    [['--lr', ''], "--lr must be a number > 0, got ''"],
    [['--hidden', 'NaN'], "--hidden must be an integer >= 1, got 'NaN'"],
    [['--seed', '-1'], "--seed must be an integer >= 0 and <= 4294967295, got '-1'"],
    [['--impl', 'mine'], "--impl must be 'exercises' or 'solutions', got 'mine'"],
    [['--epochs', '3'], "Unknown option '--epochs'"],
  ])('rejects %j with a message naming the flag and what it expects', (argv, message) => {
    expect(() => parseTrainArgs(argv)).toThrow(UsageError);
    expect(() => parseTrainArgs(argv)).toThrow(message);
  });

  it('exits 2 on a bad flag and prints the usage', async () => {
    const { code, stderr } = await runMain(['--iters', 'x']);
    expect(code).toBe(2);
    expect(stderr).toContain("npm run train: --iters must be an integer >= 1, got 'x'");
    expect(stderr).toContain('usage: npm run train');
  });

  it('exits 2 on a bad DLFS_THREADS, saying what it got and what it wants', async () => {
    vi.stubEnv('DLFS_THREADS', 'two');
    try {
      const { code, stderr } = await runMain(['--iters', '1']);
      expect(code).toBe(2);
      expect(stderr).toBe(
        "npm run train: DLFS_THREADS must be a whole number of threads, 1 or more; got 'two'",
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('npm run train: a short run on the solutions', () => {
  const out = path.join(tmp, 'run');
  let run: SpawnSyncReturns<string>;
  beforeAll(() => {
    // an IDX folder in the environment would train on other data
    const env = { ...process.env, MNIST_DIR: '' };
    const argv = ['tools/train.ts', '--impl', 'solutions', '--iters', '50', '--json', '--out', out];
    run = spawnSync(process.execPath, [TSX, ...argv], { cwd: ROOT, encoding: 'utf8', env });
  }, RUN_TIMEOUT_MS);

  it('prints one JSON line with the timing and both accuracies', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]);
    expect(result.iters).toBe(50);
    for (const key of ['trainSeconds', 'msPerIter', 'trainAcc', 'testAcc']) {
      expect(Number.isFinite(result[key]), key).toBe(true);
    }
    // train.ts divides the same seconds the same way, and JSON gives a double back exactly
    const perIter = (1000 * result.trainSeconds) / 50;
    expectClose(result.msPerIter, perIter, { abs: 0, rel: 0 }, 'msPerIter');
    for (const acc of [result.trainAcc, result.testAcc]) expect(acc >= 0 && acc <= 1).toBe(true);
  });

  it('writes both figures as SVG and PNG, the history and loadable params', () => {
    for (const fig of ['fig4-11_loss', 'fig4-12_accuracy']) {
      expect(fs.readFileSync(path.join(out, `${fig}.svg`), 'utf8')).toContain('Fig. 4-1');
      expect(
        fs
          .readFileSync(path.join(out, `${fig}.png`))
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
    }
    const history = JSON.parse(fs.readFileSync(path.join(out, 'train-history.json'), 'utf8'));
    expect(history.trainLossList).toHaveLength(50);
    const params = loadParams(path.join(out, 'params.json'));
    expect(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v.shape]))).toEqual({
      W1: [784, 50],
      b1: [50],
      W2: [50, 10],
      b2: [10],
    });
  });
});

describe('npm run train -- --json, without --out', () => {
  it(
    'prints its line and writes no file at all',
    () => {
      // run from an empty folder: the default reports/ would appear in it
      const cwd = fs.mkdtempSync(path.join(tmp, 'cwd-'));
      const env = { ...process.env, MNIST_DIR: '' };
      const argv = [path.join(ROOT, 'tools/train.ts'), '--impl', 'solutions', '--iters', '5'];
      const run = spawnSync(
        process.execPath,
        [TSX, '--tsconfig', path.join(ROOT, 'tsconfig.json'), ...argv, '--json'],
        {
          cwd,
          encoding: 'utf8',
          env,
        },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).iters).toBe(5);
      expect(fs.readdirSync(cwd)).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );
});

describe('the ETA', () => {
  /** The clock's readings at each iteration, on a clock that advances by pace(i) ms per iteration. */
  function readings(total: number, pace: (i: number) => number, at: number[]) {
    let t = 0;
    const eta = etaClock(total, () => t);
    const seen = new Map<number, string>();
    for (let i = 1; i <= Math.max(...at); i++) {
      t += pace(i);
      const shown = eta(i);
      if (at.includes(i)) seen.set(i, shown);
    }
    return seen;
  }

  it('shows … while the first iterations warm up, then the time the pace since then gives', () => {
    // the first 50 iterations pay for V8's warm-up and the first accuracy pass: 1 s each
    const pace = (i: number) => (i <= 50 ? 1000 : 2);
    const eta = readings(10_000, pace, [1, 50, 99, 100, 1000]);
    expect(eta.get(1)).toBe('…');
    expect(eta.get(50)).toBe('…');
    expect(eta.get(99)).toBe('…');
    expect(eta.get(100)).toBe('20s'); // 9900 left at 2 ms
    expect(eta.get(1000)).toBe('18s'); // 9000 left at 2 ms
  });

  it('reads minutes and seconds past a minute, and never 60 seconds', () => {
    expect(readings(10_000, () => 10, [1000]).get(1000)).toBe('1m30s'); // 9000 × 10 ms
    // 9900 left at 12.0808 ms each is 119.6 s: two minutes, not 1m60s
    expect(readings(10_000, (i) => (i <= 50 ? 0 : 604.04 / 50), [100]).get(100)).toBe('2m00s');
  });
});

describe('the params file', () => {
  it('round-trips every array bit for bit, −0, NaN, ±∞ and subnormals included', () => {
    const special = new Float64Array([
      -0,
      0,
      NaN,
      Infinity,
      -Infinity,
      5e-324,
      -Number.MAX_VALUE,
      0.1,
    ]);
    const params = {
      W1: randn([7, 3], createRng(1)),
      b1: new NDArray(special, [8]),
      W2: new NDArray(new Float64Array(0), [0, 4]),
    };
    const file = path.join(tmp, 'params.json');
    saveParams(file, params, { note: 'test' });
    const back = loadParams(file);
    expect(Object.keys(back)).toEqual(Object.keys(params));
    for (const [name, a] of Object.entries(params)) {
      expect(back[name].shape).toEqual(a.shape);
      expect(sameBits(back[name].data, a.data), name).toBe(true);
    }
  });

  it('refuses a file of another format', () => {
    const file = path.join(tmp, 'other.json');
    fs.writeFileSync(file, '{"format": "something-else"}');
    expect(() => loadParams(file)).toThrow(/not a dlfs-ch4-params\/1 file/);
  });
});

describe('an unfinished student network', () => {
  const x = new NDArray(new Float64Array(4), [2, 2]);
  const todo = (what: string) => () => {
    throw new Error(`TODO: ${what}`);
  };
  const fakeNet = (missing: string) =>
    class {
      params = {};
      predict = missing === 'predict' ? todo('TwoLayerNet.predict') : () => x;
      loss = () => 0;
      accuracy = () => 0;
      gradient = missing === 'gradient' ? todo('TwoLayerNet.gradient (book 4.5.1)') : () => ({});
    } as unknown as NetworkClass;

  it('names the method that still throws TODO, and how to go on', () => {
    const build = () =>
      buildNetwork('exercises', fakeNet('gradient'), [2, 3, 2], createRng(0), { x, t: x });
    expect(build).toThrow(
      "exercises/06_two_layer_net.ts: TwoLayerNet.gradient is not implemented yet (it throws 'TODO: " +
        "TwoLayerNet.gradient (book 4.5.1)'). Finish it, or run with --impl solutions.",
    );
  });

  it('names trainNeuralNet when 07 is the stub', () => {
    const net = buildNetwork('exercises', fakeNet('none'), [2, 3, 2], createRng(0), { x, t: x });
    const data = { xTrain: x, tTrain: x, xTest: x, tTest: x };
    const options = { itersNum: 1, batchSize: 1, learningRate: 0.1, rng: createRng(0) };
    expect(() => callTrain('exercises', todo('trainNeuralNet'), net, data, options)).toThrow(
      'exercises/07_train_neuralnet.ts: trainNeuralNet is not implemented yet',
    );
  });

  it('exits 1 with that one sentence and no stack trace, on the shipped stubs', async () => {
    const { TwoLayerNet } = await loadImpl('exercises');
    let stub = false;
    try {
      new TwoLayerNet(2, 3, 2);
    } catch {
      stub = true;
    }
    if (!stub) return; // a student's finished 06: nothing unfinished to report
    const { code, stderr } = await runMain(['--iters', '1', '--json', '--out', tmp]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^npm run train: exercises\/06_two_layer_net\.ts: .* is not implemented yet/,
    );
    expect(stderr).toContain('Finish it, or run with --impl solutions.');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
