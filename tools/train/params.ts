// The trained parameters as JSON: each array's shape plus its float64 bytes (little-endian) in
// base64. Decimal text would lose −0 and NaN; raw bytes come back bit for bit. From Python:
//   np.frombuffer(base64.b64decode(p['data']), '<f8').reshape(p['shape'])
import fs from 'node:fs';
import path from 'node:path';
import { NDArray } from '../../src/index.ts';
import { shapeSize } from '../../src/ndarray.ts';

const FORMAT = 'dlfs-ch4-params/1';
const BYTES_PER_VALUE = 8;

interface StoredArray {
  shape: number[];
  dtype: 'float64-le';
  data: string; // base64
}
interface ParamsFile {
  format: typeof FORMAT;
  meta: Record<string, unknown>;
  params: Record<string, StoredArray>;
}

const littleEndian = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

function encode(a: NDArray): StoredArray {
  const bytes = Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength);
  const le = littleEndian ? bytes : Buffer.from(bytes).swap64();
  return { shape: [...a.shape], dtype: 'float64-le', data: le.toString('base64') };
}

function decode(name: string, s: StoredArray, file: string): NDArray {
  const bytes = Buffer.from(s.data, 'base64');
  const n = shapeSize(s.shape);
  if (s.dtype !== 'float64-le' || bytes.length !== n * BYTES_PER_VALUE) {
    throw new Error(
      `${file}: ${name} holds ${bytes.length} bytes, shape (${s.shape}) needs ${n * BYTES_PER_VALUE}`,
    );
  }
  if (!littleEndian) bytes.swap64();
  const data = new Float64Array(n);
  new Uint8Array(data.buffer).set(bytes); // a fresh, aligned buffer
  return new NDArray(data, s.shape);
}

/** Writes params (and free-form meta, e.g. the layer sizes and the run's flags) to `file`. */
export function saveParams(file: string, params: Record<string, NDArray>, meta = {}): void {
  const out: ParamsFile = { format: FORMAT, meta, params: {} };
  for (const [name, a] of Object.entries(params)) out.params[name] = encode(a);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(out, null, 1) + '\n');
}

/** Reads a file saveParams wrote; the arrays equal the saved ones bit for bit. */
export function loadParams(file: string): Record<string, NDArray> {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as ParamsFile;
  if (parsed.format !== FORMAT) {
    throw new Error(`${file}: not a ${FORMAT} file (format is ${String(parsed.format)})`);
  }
  const params: Record<string, NDArray> = {};
  for (const [name, s] of Object.entries(parsed.params)) params[name] = decode(name, s, file);
  return params;
}
