// loadMnist on the bundled digits: shapes, values and the seeded split the Python peer shares.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadBundledDigits } from '../../../src/digits.ts';
import { loadMnist, shuffledIndices } from '../../../src/mnist.ts';
import type { NDArray } from '../../../src/ndarray.ts';

// Golden fingerprints, printed by the peer's own Mulberry32/fisher_yates and plain json:
//   python3 -c "import sys; sys.path.insert(0, '/work/shared/bench');
//     from numpy_twolayer import Mulberry32, fisher_yates; ..."   (fisher_yates(10000, Mulberry32(42)))
// Sums add left to right in float64, rows in split order (xTrain then xTest), so they are exact.
const PERM_FIRST10 = [8139, 4527, 8983, 6438, 7978, 261, 5458, 5210, 4165, 7314];
const PERM_LAST5 = [1747, 6695, 8522, 4482, 6011];
const DIGIT_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]; // 0.json .. 9.json
const TRAIN_COUNTS = [807, 880, 811, 834, 775, 674, 802, 873, 751, 793];
const TEST_COUNTS = [194, 247, 180, 198, 205, 189, 212, 197, 193, 185];
const SUM_ALL = 1027949.4980017166; // every pixel
const SUM_X0 = 121.92100000000003; // unshuffled sample 0 (the peer's x0_sum)
const SUM_XTRAIN0 = 64.98600000000005;
const SUM_XTEST_LAST = 123.06100000000012;
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PEER = path.resolve(ROOT, '../shared/bench/numpy_twolayer.py');

const sum = (a: ArrayLike<number>, from = 0, to = a.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return s;
};
const classCounts = (t: NDArray) => {
  const counts = new Array(10).fill(0);
  for (const label of t.data) counts[label]++;
  return counts;
};

describe('loadMnist on the bundled digits', () => {
  beforeAll(() => vi.stubEnv('MNIST_DIR', '')); // an IDX folder in the environment would win
  it.each([true, false])('gives the book shapes for every option, flatten = %s', (flatten) => {
    for (const normalize of [true, false]) {
      for (const oneHotLabel of [true, false]) {
        const d = loadMnist({ normalize, flatten, oneHotLabel });
        const image = flatten ? [784] : [1, 28, 28];
        expect(d.xTrain.shape).toEqual([8000, ...image]);
        expect(d.xTest.shape).toEqual([2000, ...image]);
        expect(d.tTrain.shape).toEqual(oneHotLabel ? [8000, 10] : [8000]);
        expect(d.tTest.shape).toEqual(oneHotLabel ? [2000, 10] : [2000]);
        for (const a of Object.values(d)) expect(a.data).toBeInstanceOf(Float64Array);
      }
    }
  });

  it('keeps normalized pixels in 0..1 and raw pixels integers in 0..255, with v = raw/255 to 3 decimals', () => {
    const norm = loadMnist().xTrain.data;
    const raw = loadMnist({ normalize: false }).xTrain.data;
    // the bundle stores k/255 rounded to 3 decimals; 1/255 > 0.001, so k comes back exactly
    const bad = raw.findIndex(
      (r, i) =>
        !(Number.isInteger(r) && r >= 0 && r <= 255) ||
        Math.round((r / 255) * 1000) / 1000 !== norm[i],
    );
    expect(bad).toBe(-1);
    expect(norm.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(raw.reduce((m, v) => Math.max(m, v), 0)).toBe(255);
  });

  it('has one-hot rows that sum to 1 with the 1 at the label', () => {
    const labels = loadMnist().tTest.data;
    const oneHot = loadMnist({ oneHotLabel: true }).tTest.data;
    labels.forEach((label, i) => {
      const row = oneHot.subarray(i * 10, i * 10 + 10);
      expect(sum(row)).toBe(1);
      expect(row[label]).toBe(1);
    });
  });

  it('splits by the peer’s Fisher–Yates with mulberry32(42): golden permutation and class counts', () => {
    const perm = shuffledIndices(10000, 42);
    expect(perm.slice(0, 10)).toEqual(PERM_FIRST10);
    expect(perm.slice(-5)).toEqual(PERM_LAST5);
    expect(loadBundledDigits().labels.reduce((c, t) => (c[t]++, c), new Array(10).fill(0))).toEqual(
      DIGIT_COUNTS,
    );
    const d = loadMnist();
    expect(classCounts(d.tTrain)).toEqual(TRAIN_COUNTS);
    expect(classCounts(d.tTest)).toEqual(TEST_COUNTS);
    let all = 0; // one running sum over both splits, in the peer's order
    for (const v of d.xTrain.data) all += v;
    for (const v of d.xTest.data) all += v;
    expect(all).toBe(SUM_ALL);
    expect(sum(d.xTrain.data, 0, 784)).toBe(SUM_XTRAIN0);
    expect(sum(d.xTest.data, 1999 * 784)).toBe(SUM_XTEST_LAST);
    const at = perm.indexOf(0); // where unshuffled sample 0 went
    const x0 = at < 8000 ? d.xTrain.data : d.xTest.data;
    expect(sum(x0, (at % 8000) * 784, ((at % 8000) + 1) * 784)).toBe(SUM_X0);
  });

  const hasPeer =
    fs.existsSync(PEER) && spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!hasPeer)(
    hasPeer
      ? 'matches the Python peer’s whole permutation, computed live by python3'
      : 'matches the Python peer’s permutation live — SKIPPED: python3 or ../shared/bench/numpy_twolayer.py is absent',
    () => {
      const script =
        'import sys, json; sys.path.insert(0, sys.argv[1]); ' +
        'from numpy_twolayer import Mulberry32, fisher_yates; ' +
        'print(json.dumps(fisher_yates(10000, Mulberry32(42))))';
      const out = spawnSync('python3', ['-c', script, path.dirname(PEER)], { encoding: 'utf8' });
      expect(out.stderr).toBe('');
      expect(JSON.parse(out.stdout)).toEqual(shuffledIndices(10000, 42));
    },
  );
});
