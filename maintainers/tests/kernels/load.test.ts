// kernels/ imported inside a test rather than at the top of the file: a module that throws
// while it loads (exp.ts builds its table then) fails this test instead of emptying a whole
// file, which vitest reports as no tests at all and Stryker's runner then counts as a pass.
import { describe, expect, it } from 'vitest';

describe('kernels/', () => {
  it('loads, and its load-time tables give the values they were built for', async () => {
    const { fastExp } = await import('../../../kernels/exp.ts');
    const { useFastKernels } = await import('../../../kernels/index.ts');
    const src = await import('../../../src/index.ts');
    // e^(j/128·ln2) reads table entry j; e^(±700) reads POW2 near its ends
    for (const x of [0, 1, -1, Math.LN2 / 128, (127 * Math.LN2) / 128, 700, -700]) {
      expect(Math.abs(fastExp(x) / Math.exp(x) - 1), `x = ${x}`).toBeLessThan(4 * Number.EPSILON);
    }
    useFastKernels();
    expect(src.softmax(src.array([0, 0])).toArray()).toEqual([0.5, 0.5]);
  });
});
