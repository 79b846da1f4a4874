// parseIdx at the edges of the header: a file that holds only the magic number, and one
// that holds a whole header and no items.
import { describe, expect, it } from 'vitest';
import { IDX_LABELS_MAGIC, parseIdx } from '../../../src/idx.ts';

/** A big-endian IDX header: the magic number, then one uint32 per dimension. */
function header(magic: number, dims: number[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(4 * (1 + dims.length)));
  view.setUint32(0, magic);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  return new Uint8Array(view.buffer);
}

describe('parseIdx', () => {
  it('says a file of just the magic number is shorter than its header', () => {
    expect(() => parseIdx(header(IDX_LABELS_MAGIC, []), 'f', IDX_LABELS_MAGIC, [])).toThrow(
      'f: truncated, 4 bytes is shorter than its 8-byte header',
    );
  });

  it('reads a whole header with count 0 as an empty file', () => {
    const { count, values } = parseIdx(header(IDX_LABELS_MAGIC, [0]), 'f', IDX_LABELS_MAGIC, []);
    expect(count).toBe(0);
    expect(values).toHaveLength(0);
  });
});
