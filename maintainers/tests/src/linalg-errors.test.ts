// The shape checks of src/linalg.ts, case by case: each names the operation and both shapes,
// so a student's wrong reshape reads as what it is, not as a wrong number later on.
import { describe, expect, it } from 'vitest';
import { dot, dotNT, dotTN, inner, zeros } from '../../../src/index.ts';

// an Error with exactly this message: toThrow('…') alone also passes when the code throws
// undefined (vitest-dev/vitest#7260)
const refuses = (call: () => unknown, message: string) => expect(call).toThrow(new Error(message));

describe('linalg refuses what does not align, naming the operation and both shapes', () => {
  it('dot: a 3-D left operand', () => {
    refuses(
      () => dot(zeros([2, 2, 2]), zeros([2, 2])),
      'dot: shapes (2, 2, 2) and (2, 2) do not align',
    );
  });

  it.each([
    [[2], [2, 3]],
    [[2, 3], [2]],
    [
      [2, 3, 1],
      [2, 3],
    ],
    [
      [2, 3],
      [2, 3, 1],
    ],
    [
      [2, 3],
      [4, 3],
    ],
  ])('dotTN: a %j and b %j', (a, b) => {
    const shapes = `(${a.join(', ')}) and (${b.join(', ')})`;
    refuses(() => dotTN(zeros(a), zeros(b)), `dotTN: shapes ${shapes} do not align`);
  });

  it.each([
    [[3], [2, 3]],
    [[2, 3], [3]],
    [
      [2, 3, 1],
      [2, 3],
    ],
    [
      [2, 3],
      [2, 3, 1],
    ],
    [
      [2, 3],
      [2, 4],
    ],
  ])('dotNT: a %j and b %j', (a, b) => {
    const shapes = `(${a.join(', ')}) and (${b.join(', ')})`;
    refuses(() => dotNT(zeros(a), zeros(b)), `dotNT: shapes ${shapes} do not align`);
  });

  it('inner: both must be vectors', () => {
    refuses(() => inner(zeros([4]), zeros([2, 2])), 'inner: shapes (4) and (2, 2) do not align');
  });
});

describe('an out of the wrong shape is refused, even when only one axis differs', () => {
  it.each([
    ['dot', () => dot(zeros([2, 3]), zeros([3, 4]), zeros([2, 5])), '(2, 5)', '(2, 4)'],
    ['dotTN', () => dotTN(zeros([3, 2]), zeros([3, 4]), zeros([3, 4])), '(3, 4)', '(2, 4)'],
    ['dotNT', () => dotNT(zeros([2, 3]), zeros([4, 3]), zeros([2, 3])), '(2, 3)', '(2, 4)'],
    ['dot', () => dot(zeros([2, 3]), zeros([3, 4]), zeros([2])), '(2)', '(2, 4)'], // an axis short
  ] as const)('%s', (op, call, got, want) => {
    refuses(call, `${op}: out has shape ${got} but the result is ${want}`);
  });
});
