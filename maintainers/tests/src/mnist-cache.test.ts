// The binary cache of the bundled digits: bit-identical to the JSON, keyed on the source,
// written atomically, and optional.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundledSource, loadBundledDigits } from '../../../src/digits.ts';
import { loadMnist, shuffledIndices } from '../../../src/mnist.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlfs-mnist-cache-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const level = (k: number) => Math.round((k / 255) * 1000) / 1000; // how the bundle stores byte k
const files = (dir: string, ext: string) => fs.readdirSync(dir).filter((f) => f.endsWith(ext));

/** The first index where a and b differ bit for bit, or -1. */
function firstDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

/** The pixels exactly as JSON.parse reads them, digits 0..9 in file order. */
function jsonPixels(digitsDir: string): Float64Array {
  const parts = Array.from({ length: 10 }, (_, d) => {
    const text = fs.readFileSync(path.join(digitsDir, `${d}.json`), 'utf8');
    return (JSON.parse(text) as { data: number[] }).data;
  });
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) for (const v of p) out[at++] = v;
  return out;
}

function decoded(d: { images: Uint8Array; decode: Float64Array }): Float64Array {
  const out = new Float64Array(d.images.length);
  for (let i = 0; i < out.length; i++) out[i] = d.decode[d.images[i]];
  return out;
}

/** A tiny stand-in for the bundle: digit d has `images` images with pixel p = level((d + p) % 256). */
function fakeBundle(name: string, images = 1) {
  const digitsDir = path.join(tmp, name);
  fs.mkdirSync(digitsDir);
  for (let d = 0; d < 10; d++) {
    const data = Array.from({ length: images * 784 }, (_, p) => level((d + p) % 256));
    fs.writeFileSync(path.join(digitsDir, `${d}.json`), JSON.stringify({ data }));
  }
  return { digitsDir, version: '0.0.0-test' };
}

describe('the bundled digits’ binary cache', () => {
  beforeAll(() => vi.stubEnv('MNIST_DIR', '')); // an IDX folder in the environment would win
  it('decodes bit-identically to JSON.parse, cold (just written) and warm (read back)', () => {
    const cacheDir = path.join(tmp, 'real');
    const json = jsonPixels(bundledSource().digitsDir);
    for (const pass of ['cold', 'warm']) {
      const d = loadBundledDigits(bundledSource(), cacheDir);
      expect(firstDifference(decoded(d), json), pass).toBe(-1);
      expect(files(cacheDir, '.bin'), pass).toHaveLength(1);
    }
    expect(files(cacheDir, '.tmp')).toEqual([]); // renamed into place, nothing left over
  });

  it('gives loadMnist rows that are the JSON values of the shuffled samples, bit for bit', () => {
    const json = jsonPixels(bundledSource().digitsDir);
    const { xTrain, xTest } = loadMnist();
    const got = new Float64Array(json.length);
    got.set(xTrain.data);
    got.set(xTest.data, xTrain.data.length);
    const expected = new Float64Array(json.length);
    shuffledIndices(10000, 42).forEach((p, i) =>
      expected.set(json.subarray(p * 784, p * 784 + 784), i * 784),
    );
    expect(firstDifference(got, expected)).toBe(-1);
  });

  it('reads the cache while the source is unchanged and rebuilds when a file changes', () => {
    const source = fakeBundle('edited');
    const cacheDir = path.join(tmp, 'edited-cache');
    const file = path.join(source.digitsDir, '3.json');
    const EPOCH_S = 1e9; // a whole second, so utimes can set it back exactly
    fs.utimesSync(file, EPOCH_S, EPOCH_S);
    const first = decoded(loadBundledDigits(source, cacheDir));
    // same size and mtime: the key is unchanged, so the old bytes must come from the cache
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('[0.012', '[0.016'));
    fs.utimesSync(file, EPOCH_S, EPOCH_S);
    expect(jsonPixels(source.digitsDir)[3 * 784]).toBe(0.016); // the JSON did change
    expect(firstDifference(decoded(loadBundledDigits(source, cacheDir)), first)).toBe(-1);
    fs.writeFileSync(file, JSON.stringify({ data: new Array(784).fill(1) })); // a new size
    const rebuilt = decoded(loadBundledDigits(source, cacheDir));
    expect(rebuilt[3 * 784]).toBe(1);
    expect(files(cacheDir, '.bin')).toHaveLength(2);
    expect(firstDifference(decoded(loadBundledDigits(source, null)), rebuilt)).toBe(-1);
  });

  it('falls back to the JSON silently when the cache dir cannot be written', () => {
    const source = fakeBundle('unwritable', 2);
    const blocker = path.join(tmp, 'a-file');
    fs.writeFileSync(blocker, '');
    const d = loadBundledDigits(source, path.join(blocker, 'cache')); // ENOTDIR, even for root
    expect(d.count).toBe(20);
    expect(firstDifference(decoded(d), jsonPixels(source.digitsDir))).toBe(-1);
  });

  // 100 bytes keeps the header and loses the data; 4 bytes loses even the count
  it.each([100, 4])('ignores a cache file cut to %i bytes and writes a whole one', (bytes) => {
    const source = fakeBundle(`damaged-${bytes}`);
    const cacheDir = path.join(tmp, `damaged-${bytes}-cache`);
    const good = decoded(loadBundledDigits(source, cacheDir));
    const [bin] = files(cacheDir, '.bin');
    const full = fs.statSync(path.join(cacheDir, bin)).size;
    fs.truncateSync(path.join(cacheDir, bin), bytes);
    expect(firstDifference(decoded(loadBundledDigits(source, cacheDir)), good)).toBe(-1);
    expect(fs.statSync(path.join(cacheDir, bin)).size).toBe(full);
  });

  it('labels each image by the digit file it came from, and names the cache by 16 hex digits', () => {
    const source = fakeBundle('labels', 2);
    const parsed = loadBundledDigits(source, null);
    expect(Array.from(parsed.labels)).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((d) => [d, d]),
    );
    const cacheDir = path.join(tmp, 'labels-cache');
    expect(Array.from(loadBundledDigits(source, cacheDir).labels)).toEqual(
      Array.from(parsed.labels),
    );
    expect(files(cacheDir, '.bin')).toEqual([expect.stringMatching(/^digits-[0-9a-f]{16}\.bin$/)]);
  });

  it('rebuilds a cache file of the right size whose magic number is not its own', () => {
    const source = fakeBundle('foreign');
    const cacheDir = path.join(tmp, 'foreign-cache');
    const good = decoded(loadBundledDigits(source, cacheDir));
    const bin = path.join(cacheDir, files(cacheDir, '.bin')[0]);
    // another layout of the same length and count: read as ours, every pixel decodes to NaN
    const bytes = fs.readFileSync(bin);
    bytes.fill(0xff, 0, 8); // the magic number
    bytes.fill(0xff, 16, 16 + 8 * 256); // what our layout reads as the decode table
    fs.writeFileSync(bin, bytes);
    expect(firstDifference(decoded(loadBundledDigits(source, cacheDir)), good)).toBe(-1);
    expect(fs.readFileSync(bin).toString('latin1', 0, 8)).toBe('DLFSMN01');
  });

  it('leaves no temporary file behind when the cache file cannot be put in place', () => {
    const source = fakeBundle('blocked');
    const cacheDir = path.join(tmp, 'blocked-cache');
    const good = decoded(loadBundledDigits(source, cacheDir));
    const bin = path.join(cacheDir, files(cacheDir, '.bin')[0]);
    fs.rmSync(bin);
    fs.mkdirSync(bin); // a folder where the file goes: the rename fails after the write
    expect(firstDifference(decoded(loadBundledDigits(source, cacheDir)), good)).toBe(-1);
    expect(files(cacheDir, '.tmp')).toEqual([]);
  });
});
