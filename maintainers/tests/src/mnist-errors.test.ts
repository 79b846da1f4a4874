// The bundled digits' JSON, malformed: each error names the file, and the cache never stores a
// value it could not give back bit for bit. The fixtures are tiny stand-ins for the bundle.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundledDigits } from '../../../src/digits.ts';

const PIXELS = 784; // one 28×28 image
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlfs-mnist-errors-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const blank = () => new Array<number>(PIXELS).fill(0);
/** One blank image with `v` at pixel `at`. */
const imageWith = (at: number, v: number) => blank().with(at, v);

/** Ten digit files of one blank image each, except digit 3's, which holds `three`. */
function bundle(name: string, three: number[]) {
  const digitsDir = path.join(tmp, name);
  fs.mkdirSync(digitsDir);
  for (let d = 0; d < 10; d++) {
    const data = d === 3 ? three : blank();
    fs.writeFileSync(path.join(digitsDir, `${d}.json`), JSON.stringify({ data }));
  }
  return { source: { digitsDir, version: '0.0.0-test' }, three: path.join(digitsDir, '3.json') };
}

describe('the bundled digits’ JSON, malformed', () => {
  it('names the file whose values end in a partial image', () => {
    const { source, three } = bundle('partial', [...blank(), 0.5]);
    expect(() => loadBundledDigits(source, null)).toThrow(
      `${three}: 785 values are not whole 784-pixel images`,
    );
  });

  it.each([1.5, -0.01])('names the file and index of the value %s, outside 0..1', (v) => {
    const { source, three } = bundle(`range-${v}`, imageWith(5, v));
    expect(() => loadBundledDigits(source, null)).toThrow(
      `${three}: value ${v} at 5 is not one of the 256 k/255 levels`,
    );
  });

  it('refuses a second value on the same level, which one byte could not give back', () => {
    // 0.502 and 0.5 both round to byte 128 (0.50196…): caching would merge them
    const { source, three } = bundle('merged', imageWith(7, 0.5).with(9, 0.502));
    expect(() => loadBundledDigits(source, null)).toThrow(
      `${three}: value 0.502 at 9 is not one of the 256 k/255 levels`,
    );
  });
});
