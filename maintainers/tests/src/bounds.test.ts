// Every index, axis, label and count is checked: a negative, fractional or too-large one is
// refused with a message that names it, rather than read as garbage or as another element.
import { describe, expect, it } from 'vitest';
import {
  argmax,
  array,
  createRng,
  crossEntropyError,
  max,
  sum,
  takeRows,
  zeros,
} from '../../../src/index.ts';

// built inside each test: src/ code run while a file loads counts as no test's for Stryker
const m22 = () =>
  array([
    [1, 5],
    [7, 2],
  ]);

describe('indices and axes out of range', () => {
  it.each([-1, 0.5, 2])('get refuses row index %s', (i) => {
    expect(() => m22().get(i, 0)).toThrow(`get: index ${i} is out of range for axis 0 with size 2`);
  });

  it.each([-1, 0.5, 2])('takeRows refuses row index %s', (i) => {
    expect(() => takeRows(m22(), [0, i])).toThrow(
      `takeRows: index ${i} is out of range for 2 rows`,
    );
  });

  it.each([-3, 0.5, 2])('sum, max and argmax refuse axis %s of a 2-D array', (axis) => {
    for (const [name, f] of [
      ['sum', sum],
      ['max', max],
      ['argmax', argmax],
    ] as const) {
      expect(() => f(m22(), axis)).toThrow(
        `${name}: axis ${axis} is out of range for shape (2, 2)`,
      );
    }
  });

  it('max and argmax name themselves when an axis is empty', () => {
    expect(() => max(zeros([0]))).toThrow('max: cannot reduce an empty axis');
    expect(() => argmax(zeros([2, 0]), 1)).toThrow('argmax: cannot reduce an empty axis');
  });
});

describe('labels and counts out of range', () => {
  it.each([-1, 0.5, 2])('crossEntropyError refuses label %s', (label) => {
    const y = array([
      [0.2, 0.8],
      [0.6, 0.4],
    ]);
    expect(() => crossEntropyError(y, array([label, 0]))).toThrow(
      `crossEntropyError: label ${label} of sample 0 is not a class in [0, 2)`,
    );
  });

  it('choice refuses n = 0 even when it would draw nothing', () => {
    const rng = createRng(1);
    for (const k of [0, 2]) {
      expect(() => rng.choice(0, k)).toThrow('choice: n must be a positive integer, got 0');
    }
  });
});
