// The outputs that skip zeroing (kernels/alloc.ts): each must own its memory, since linalg
// refuses an `out` that shares a buffer with an input, and every element the caller reads
// must have been written, which src/'s tests check by value with the kernels on
// (src-on-kernels.test.ts).
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { uninitialized } from '../../../kernels/alloc.ts';
import { useFastKernels } from '../../../kernels/index.ts';
import { fast, installKernels } from '../../../src/backend.ts';
import {
  add,
  dot,
  dotNT,
  dotTN,
  map,
  NDArray,
  sigmoid,
  sigmoidGrad,
  softmax,
  takeRows,
} from '../../../src/index.ts';

beforeAll(() => useFastKernels());

describe('uninitialized', () => {
  it('gives size elements over a buffer of exactly their bytes, a new one each time', () => {
    fc.assert(
      fc.property(fc.nat({ max: 5000 }), (size) => {
        const [a, b] = [uninitialized(size), uninitialized(size)];
        expect(a).toBeInstanceOf(Float64Array);
        expect([a.length, a.byteOffset, a.buffer.byteLength]).toEqual([size, 0, 8 * size]);
        expect(b.buffer).not.toBe(a.buffer);
      }),
    );
  });

  it('backs the outputs of takeRows, add and dot, each with its own buffer', () => {
    const x = new NDArray(
      Float64Array.from({ length: 12 }, (_, i) => i),
      [4, 3],
    );
    const outputs = [
      takeRows(x, [3, 0]),
      add(x, 1),
      dot(x, new NDArray(new Float64Array(6), [3, 2])),
    ];
    const buffers = new Set([x, ...outputs].map((a) => a.data.buffer));
    expect(buffers.size).toBe(4);
    expect(Array.from(outputs[0].data)).toEqual([9, 10, 11, 0, 1, 2]);
  });

  it('is what src/ makes each output it writes in full with, once the kernels are on', () => {
    const kernels = { ...fast };
    const alloc = vi.fn(uninitialized);
    installKernels({ ...kernels, alloc });
    try {
      const x = new NDArray(new Float64Array(6), [2, 3]);
      for (const [name, make] of [
        ['takeRows', () => takeRows(x, [1])],
        ['map', () => map(x, Math.abs)],
        ['sigmoid', () => sigmoid(x)],
        ['sigmoidGrad', () => sigmoidGrad(x)],
        ['softmax', () => softmax(x)],
        ['dot', () => dot(x, new NDArray(new Float64Array(6), [3, 2]))],
        ['dotTN', () => dotTN(x, x)],
        ['dotNT', () => dotNT(x, x)],
      ] as const) {
        alloc.mockClear();
        const out = make();
        expect(alloc, name).toHaveBeenCalledTimes(1);
        expect(alloc.mock.results[0].value, name).toBe(out.data);
      }
    } finally {
      installKernels(kernels);
    }
  });
});
