// `npm run train`'s command line: its flags, and what it says when a flag is wrong or the
// student's network is not finished yet. What a run writes is in train-outputs.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { NDArray, createRng } from '../../../src/index.ts';
import { main } from '../../../tools/train.ts';
import { BOOK_RUN, parseTrainArgs, UsageError } from '../../../tools/train/args.ts';
import {
  buildNetwork,
  callTrain,
  loadImpl,
  type NetworkClass,
} from '../../../tools/train/student.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlfs-train-test-'));
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
