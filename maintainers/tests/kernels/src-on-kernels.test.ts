// src/'s own tests once more, with the fast kernels switched on: the grader and training run
// on the kernels while a student reads the plain loops, so every law of src/ must hold on
// both. The files register their tests here as they load; each runs after the switch.
import { describe, expect, it } from 'vitest';
import { fastExp } from '../../../kernels/exp.ts';
import { useFastKernels } from '../../../kernels/index.ts';
import { fast } from '../../../src/backend.ts';

useFastKernels();
describe('src/ in this file', () => {
  it('runs on the fast kernels', () => expect(fast.exp).toBe(fastExp));
});
await import('../src/bounds.test.ts');
await import('../src/cross-entropy-t.test.ts');
await import('../src/functions.test.ts');
await import('../src/gradient.test.ts');
await import('../src/linalg.test.ts');
await import('../src/linalg-errors.test.ts');
await import('../src/ndarray.test.ts');
await import('../src/ndarray-errors.test.ts');
await import('../src/ops.test.ts');
await import('../src/ops-general.test.ts');
