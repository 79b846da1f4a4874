// The IDX format of the official MNIST and Fashion-MNIST files: a big-endian header (a magic
// number, then one uint32 per dimension) followed by the uint8 values, row-major.
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export const IDX_IMAGES_MAGIC = 0x00000803; // uint8 values, 3 dimensions (count, rows, cols)
export const IDX_LABELS_MAGIC = 0x00000801; // uint8 values, 1 dimension (count)
export const IMAGE_ROWS = 28;
export const IMAGE_COLS = 28;
export const IMAGE_SIZE = IMAGE_ROWS * IMAGE_COLS;
export const NUM_CLASSES = 10;
const GZIP_MAGIC = 0x1f8b; // first two bytes of every gzip stream

/** The four files of the official split, as dataset/mnist.py names them (without .gz). */
export const IDX_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** Images as bytes, images: (N·784) row-major, labels: (N) in 0..9. */
export interface ByteImages {
  count: number;
  images: Uint8Array;
  labels: Uint8Array;
}

/** Reads `name` or `name.gz` from dir; the error for a missing file lists all four expected names. */
function readRawOrGz(dir: string, name: string): { bytes: Uint8Array; file: string } {
  for (const file of [path.join(dir, name), path.join(dir, `${name}.gz`)]) {
    if (!fs.existsSync(file)) continue;
    const bytes = fs.readFileSync(file);
    if (!file.endsWith('.gz')) return { bytes, file };
    try {
      return { bytes: gunzipSync(bytes), file };
    } catch (e) {
      throw new Error(`${file}: not a valid gzip file (${(e as Error).message})`, { cause: e });
    }
  }
  const all = Object.values(IDX_FILES).join(', ');
  throw new Error(
    `MNIST file missing: neither ${name} nor ${name}.gz is in ${dir}. ` +
      `Expected the four IDX files ${all}, each either raw or gzipped (.gz).`,
  );
}

/**
 * Checks an IDX header and returns the values after it.
 * `dims` holds the expected size of each dimension after the first, the count.
 */
export function parseIdx(
  bytes: Uint8Array,
  file: string,
  magic: number,
  dims: readonly number[],
): { count: number; values: Uint8Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerSize = 4 * (2 + dims.length); // magic, count, then the other dimensions
  const hex = (m: number) => `0x${m.toString(16).padStart(8, '0')}`;
  if (bytes.length < 4) {
    throw new Error(
      `${file}: truncated, ${bytes.length} bytes is shorter than the IDX magic number`,
    );
  }
  const found = view.getUint32(0);
  if (found !== magic) {
    const gz = found >>> 16 === GZIP_MAGIC ? ' (the data is gzipped: name the file .gz)' : '';
    const kind = magic === IDX_IMAGES_MAGIC ? 'IDX images' : 'IDX labels';
    throw new Error(
      `${file}: bad magic number ${hex(found)}, expected ${hex(magic)} (${kind})${gz}`,
    );
  }
  if (bytes.length < headerSize) {
    throw new Error(
      `${file}: truncated, ${bytes.length} bytes is shorter than its ${headerSize}-byte header`,
    );
  }
  const count = view.getUint32(4);
  dims.forEach((want, i) => {
    const got = view.getUint32(8 + 4 * i);
    if (got !== want) throw new Error(`${file}: dimension ${i + 1} is ${got}, expected ${want}`);
  });
  const expected = headerSize + count * dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== expected) {
    const what = bytes.length < expected ? 'truncated' : 'too long';
    throw new Error(
      `${file}: ${what}, ${bytes.length} bytes but the header (count ${count}) implies ${expected}`,
    );
  }
  return { count, values: bytes.subarray(headerSize) };
}

/** One images file and its labels file, checked against each other. */
function readPair(dir: string, imagesName: string, labelsName: string): ByteImages {
  const img = readRawOrGz(dir, imagesName);
  const lab = readRawOrGz(dir, labelsName);
  const images = parseIdx(img.bytes, img.file, IDX_IMAGES_MAGIC, [IMAGE_ROWS, IMAGE_COLS]);
  const labels = parseIdx(lab.bytes, lab.file, IDX_LABELS_MAGIC, []);
  if (images.count !== labels.count) {
    throw new Error(
      `count mismatch: ${img.file} holds ${images.count} images but ${lab.file} ` +
        `holds ${labels.count} labels; they must agree`,
    );
  }
  const bad = labels.values.findIndex((t) => t >= NUM_CLASSES);
  if (bad >= 0) {
    throw new Error(`${lab.file}: label ${labels.values[bad]} at index ${bad}, expected 0..9`);
  }
  return { count: images.count, images: images.values, labels: labels.values };
}

/** The official train/test split from a folder of IDX files (MNIST or Fashion-MNIST). */
export function loadIdxDir(dir: string): { train: ByteImages; test: ByteImages } {
  return {
    train: readPair(dir, IDX_FILES.trainImages, IDX_FILES.trainLabels),
    test: readPair(dir, IDX_FILES.testImages, IDX_FILES.testLabels),
  };
}
