// loadMnist on a folder of IDX files (full MNIST or Fashion-MNIST), raw or gzipped, and the
// errors for malformed folders. The fixtures are tiny IDX files written here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { IDX_FILES, IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC } from '../../../src/idx.ts';
import { loadMnist } from '../../../src/mnist.ts';

const TRAIN_N = 3;
const TEST_N = 2;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlfs-mnist-idx-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

/** An IDX file: big-endian magic and dimensions, then the bytes. */
function idx(magic: number, dims: number[], values: Uint8Array): Buffer {
  const head = Buffer.alloc(4 * (1 + dims.length));
  head.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([head, values]);
}
/** Image i of a split has pixel p = (i·31 + p) mod 256; label i has class (i + offset) mod 10. */
const pixels = (n: number) =>
  Uint8Array.from({ length: n * 784 }, (_, p) => (Math.floor(p / 784) * 31 + p) % 256);
const labels = (n: number, offset: number) =>
  Uint8Array.from({ length: n }, (_, i) => (i + offset) % 10);

function fixtureFiles(): Record<string, Buffer> {
  return {
    [IDX_FILES.trainImages]: idx(IDX_IMAGES_MAGIC, [TRAIN_N, 28, 28], pixels(TRAIN_N)),
    [IDX_FILES.trainLabels]: idx(IDX_LABELS_MAGIC, [TRAIN_N], labels(TRAIN_N, 7)),
    [IDX_FILES.testImages]: idx(IDX_IMAGES_MAGIC, [TEST_N, 28, 28], pixels(TEST_N)),
    [IDX_FILES.testLabels]: idx(IDX_LABELS_MAGIC, [TEST_N], labels(TEST_N, 4)),
  };
}

/** A fresh folder with the four files, gzipped or raw, after `edit` has had its way with them. */
function folder(gz: boolean, edit: (files: Record<string, Buffer>) => void = () => {}): string {
  const dir = fs.mkdtempSync(path.join(tmp, gz ? 'gz-' : 'raw-'));
  const files = fixtureFiles();
  edit(files);
  for (const [name, bytes] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, gz ? `${name}.gz` : name), gz ? gzipSync(bytes) : bytes);
  }
  return dir;
}

describe('loadMnist on IDX files', () => {
  it.each([false, true])('reads the official split unshuffled, gzipped = %s', (gz) => {
    const d = loadMnist({ dir: folder(gz) });
    expect(d.xTrain.shape).toEqual([TRAIN_N, 784]);
    expect(d.xTest.shape).toEqual([TEST_N, 784]);
    expect(Array.from(d.tTrain.data)).toEqual([7, 8, 9]);
    expect(Array.from(d.tTest.data)).toEqual([4, 5]);
    const raw = pixels(TRAIN_N);
    expect(d.xTrain.data.every((v, i) => v === raw[i] / 255)).toBe(true); // the book's /255
  });

  it('honours normalize, flatten and oneHotLabel as on the bundled digits', () => {
    const d = loadMnist({
      dir: folder(false),
      normalize: false,
      flatten: false,
      oneHotLabel: true,
    });
    expect(d.xTest.shape).toEqual([TEST_N, 1, 28, 28]);
    expect(Array.from(d.xTest.data)).toEqual(Array.from(pixels(TEST_N)));
    expect(d.tTest.shape).toEqual([TEST_N, 10]);
    expect(Array.from(d.tTest.data.subarray(10, 20))).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
  });

  it('reads the folder that env MNIST_DIR names, and options.dir wins over it', () => {
    vi.stubEnv('MNIST_DIR', folder(true));
    expect(loadMnist().xTrain.shape).toEqual([TRAIN_N, 784]);
    const other = folder(false, (f) => {
      f[IDX_FILES.testImages] = idx(IDX_IMAGES_MAGIC, [1, 28, 28], pixels(1));
      f[IDX_FILES.testLabels] = idx(IDX_LABELS_MAGIC, [1], labels(1, 0));
    });
    expect(loadMnist({ dir: other }).xTest.shape).toEqual([1, 784]);
  });

  it('names all four expected files, raw or .gz, when one is missing', () => {
    const dir = folder(false);
    fs.rmSync(path.join(dir, IDX_FILES.testLabels));
    const message =
      /neither t10k-labels-idx1-ubyte nor t10k-labels-idx1-ubyte\.gz.*train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte.*raw or gzipped/;
    expect(() => loadMnist({ dir })).toThrow(message);
  });

  const { trainImages, trainLabels } = IDX_FILES;
  it.each<[string, (f: Record<string, Buffer>) => void, RegExp]>([
    [
      'a bad magic number',
      (f) => f[trainImages].writeUInt32BE(IDX_LABELS_MAGIC, 0),
      /train-images-idx3-ubyte(\.gz)?: bad magic number 0x00000801, expected 0x00000803 \(IDX images\)$/,
    ],
    [
      'a truncated images file',
      (f) => (f[trainImages] = f[trainImages].subarray(0, 1000)),
      /train-images-idx3-ubyte(\.gz)?: truncated, 1000 bytes but the header \(count 3\) implies 2368/,
    ],
    [
      'a labels file with the images magic number',
      (f) => f[trainLabels].writeUInt32BE(IDX_IMAGES_MAGIC, 0),
      /train-labels-idx1-ubyte(\.gz)?: bad magic number 0x00000803, expected 0x00000801 \(IDX labels\)/,
    ],
    [
      'an images file with a byte too many',
      (f) => (f[trainImages] = Buffer.concat([f[trainImages], Buffer.of(0)])),
      /train-images-idx3-ubyte(\.gz)?: too long, 2369 bytes but the header \(count 3\) implies 2368/,
    ],
    [
      'a file shorter than the magic number',
      (f) => (f[trainLabels] = f[trainLabels].subarray(0, 3)),
      /train-labels-idx1-ubyte(\.gz)?: truncated, 3 bytes is shorter than the IDX magic number/,
    ],
    [
      'a truncated header',
      (f) => (f[trainLabels] = f[trainLabels].subarray(0, 6)),
      /train-labels-idx1-ubyte(\.gz)?: truncated, 6 bytes is shorter than its 8-byte header/,
    ],
    [
      'images that are not 28×28',
      (f) => f[trainImages].writeUInt32BE(27, 8),
      /train-images-idx3-ubyte(\.gz)?: dimension 1 is 27, expected 28/,
    ],
    [
      'image and label counts that disagree',
      (f) => (f[trainLabels] = idx(IDX_LABELS_MAGIC, [2], labels(2, 0))),
      /count mismatch: .*train-images-idx3-ubyte(\.gz)? holds 3 images but .*train-labels-idx1-ubyte(\.gz)? holds 2 labels/,
    ],
    [
      'a label outside 0..9',
      (f) => (f[trainLabels][8 + 1] = 10),
      /train-labels-idx1-ubyte(\.gz)?: label 10 at index 1, expected 0\.\.9/,
    ],
    [
      'a first label outside 0..9',
      (f) => (f[trainLabels][8] = 255),
      /train-labels-idx1-ubyte(\.gz)?: label 255 at index 0, expected 0\.\.9/,
    ],
  ])('rejects %s with an error naming the file and what was expected', (_, edit, message) => {
    expect(() => loadMnist({ dir: folder(false, edit) })).toThrow(message);
    expect(() => loadMnist({ dir: folder(true, edit) })).toThrow(message);
  });

  it('names a .gz file whose gzip stream is corrupt, with zlib’s reason', () => {
    const dir = folder(true);
    const file = path.join(dir, `${IDX_FILES.testImages}.gz`);
    const whole = fs.readFileSync(file);
    fs.writeFileSync(file, whole.subarray(0, whole.length - 10)); // cut inside the stream
    const message = `${file}: not a valid gzip file (unexpected end of file)`;
    expect(() => loadMnist({ dir })).toThrow(message);
    // zlib's own error rides along as the cause, with its code
    expect(() => loadMnist({ dir })).toThrow(
      expect.objectContaining({ cause: expect.objectContaining({ code: 'Z_BUF_ERROR' }) }),
    );
    fs.writeFileSync(file, Buffer.from('not gzip at all'));
    expect(() => loadMnist({ dir })).toThrow(
      `${file}: not a valid gzip file (incorrect header check)`,
    );
  });

  it('says so when a raw-named file holds gzip data', () => {
    const dir = folder(false);
    const file = path.join(dir, IDX_FILES.trainImages);
    fs.writeFileSync(file, gzipSync(fs.readFileSync(file)));
    expect(() => loadMnist({ dir })).toThrow(/bad magic number 0x1f8b.*name the file \.gz/);
  });
});
