import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NDArray, array, copy, mul, numericalGradient, sum } from '../../../src/index.ts';
import { arrayArb, realArb, shapeWithEmptyAxesArb } from '../../../spec/support/arbitraries.ts';
import { expectClose, sameBits } from '../../../spec/support/close.ts';

// Σx² is quadratic, so the central difference has no truncation error; what remains is the
// rounding of f at |f| ≲ 600 (n ≤ 6 elements of |x| ≤ 10), divided by 2h: ~600·ε/h ≈ 1e-9
const QUADRATIC = { abs: 1e-8, rel: 0 };
const H = 1e-4; // the step numericalGradient uses

const anyShapeArb = shapeWithEmptyAxesArb.chain((shape) => arrayArb(shape));

describe('numericalGradient', () => {
  it('of Σx² is 2x, for any shape', () => {
    fc.assert(
      fc.property(anyShapeArb, (x) => {
        const g = numericalGradient((v) => sum(mul(v, v)), x);
        expect(g.shape).toEqual(x.shape);
        expectClose(g, mul(x, 2), QUADRATIC, 'numericalGradient(Σx², x)');
      }),
    );
  });

  it('restores x bit for bit, and perturbs it in place for closures that ignore their argument', () => {
    fc.assert(
      fc.property(anyShapeArb, realArb(-10, 10), (x, w) => {
        const before = copy(x);
        // f reads x through the closure, as net.loss(x, t) reads its weights
        const g = numericalGradient(() => w * sum(x), x);
        // each f rounds ~(n + 2) times at magnitude |w|·(Σ|x| + 1); the difference is over 2h
        const abs = x.data.reduce((s, v) => s + Math.abs(v), 1);
        const tol = ((x.size + 2) * Number.EPSILON * Math.abs(w) * abs) / H;
        expectClose(g, new Float64Array(x.size).fill(w), { abs: tol, rel: 0 }, 'the gradient');
        return sameBits(x.data, before.data);
      }),
    );
  });

  it('evaluates f exactly twice per element: its cost is 2·x.size calls', () => {
    fc.assert(
      fc.property(anyShapeArb, (x) => {
        let calls = 0;
        numericalGradient(() => ++calls, x);
        expect(calls).toBe(2 * x.size);
      }),
    );
  });

  it('restores x even when f throws', () => {
    const x = array([1, 2]);
    expect(() =>
      numericalGradient(() => {
        throw new Error('boom');
      }, x),
    ).toThrow('boom');
    expectClose(x, [1, 2], { abs: 0, rel: 0 }, 'x after f threw');
  });

  it("matches the book's example: ∇(x0² + x1²) at (3, 4) is (6, 8)", () => {
    const f = (x: NDArray) => x.data[0] ** 2 + x.data[1] ** 2;
    const g = numericalGradient(f, array([3, 4]));
    expectClose(g, [6, 8], { abs: 1e-7, rel: 0 }, 'numericalGradient(f, [3, 4])');
  });
});
