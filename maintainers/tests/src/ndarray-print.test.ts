// toString as numpy prints: in full up to 1000 elements, beyond that each axis longer than
// 6 shows its first and last 3 items around "...".
import { describe, expect, it } from 'vitest';
import { array, reshape } from '../../../src/index.ts';

const arange = (n: number) => array(Array.from({ length: n }, (_, i) => i));
// one printed row of `n` consecutive integers from `from`, summarized
const row = (from: number, n: number) =>
  `[${from}, ${from + 1}, ${from + 2}, ..., ${from + n - 3}, ${from + n - 2}, ${from + n - 1}]`;

describe('NDArray.toString', () => {
  it('prints 1000 elements in full and summarizes 1001', () => {
    const all = Array.from({ length: 1000 }, (_, i) => i).join(', ');
    expect(String(arange(1000))).toBe(`array([${all}])`);
    expect(String(arange(1001))).toBe('array([0, 1, 2, ..., 998, 999, 1000])');
  });

  it('summarizes every long axis of a big matrix, keeping 3 rows and 3 columns at each end', () => {
    const rows = [0, 1, 2, 4, 5, 6].map((r) => row(150 * r, 150));
    const want = `array([${rows.slice(0, 3).join(', ')}, ..., ${rows.slice(3).join(', ')}])`;
    expect(String(reshape(arange(7 * 150), [7, 150]))).toBe(want);
  });

  it('keeps an axis of 6 or fewer in full, even in a big array', () => {
    const rows = [0, 1, 2, 3, 4, 5].map((r) => row(200 * r, 200));
    expect(String(reshape(arange(6 * 200), [6, 200]))).toBe(`array([${rows.join(', ')}])`);
  });
});
