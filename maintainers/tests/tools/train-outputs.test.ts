// What a run of `npm run train` leaves: its --json line, the figures, the history and the
// params file, and the ETA it shows on the way. Its flags and messages are in train.test.ts.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NDArray, createRng, randn } from '../../../src/index.ts';
import { etaClock } from '../../../tools/train.ts';
import { loadParams, saveParams } from '../../../tools/train/params.ts';
import { expectClose, sameBits } from '../../../spec/support/close.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlfs-train-test-'));
// a short run spawns tsx and trains 50 iterations with two accuracy passes; room for a busy machine
const RUN_TIMEOUT_MS = 120_000;
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

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
