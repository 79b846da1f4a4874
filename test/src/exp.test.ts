import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/index.ts';
import { fastExp } from '../../src/kernels/exp.ts';

// the distance in units in the last place between two finite doubles of one sign
const view = new DataView(new ArrayBuffer(8));
function ulps(a: number, b: number): number {
  const bits = (x: number) => (view.setFloat64(0, x), view.getBigInt64(0));
  const d = bits(a) - bits(b);
  return Number(d < 0n ? -d : d);
}

// the largest distance from Math.exp over `count` points drawn uniformly from [lo, hi]
function worstUlps(lo: number, hi: number, count: number): { worst: number; at: number } {
  const rng = createRng(1);
  let [worst, at] = [0, NaN];
  for (let i = 0; i < count; i++) {
    const x = lo + (hi - lo) * rng.random();
    const d = ulps(fastExp(x), Math.exp(x));
    if (d > worst) [worst, at] = [d, x];
  }
  return { worst, at };
}

describe('fastExp', () => {
  it('is within 1 ulp of Math.exp where the activations use it: |x| ≤ 40', () => {
    // sigmoid saturates to 0 or 1 in double precision beyond |x| ≈ 37
    const { worst, at } = worstUlps(-40, 40, 400_000);
    expect(worst, `at x = ${at}`).toBeLessThanOrEqual(1);
  });

  it('is within 1 ulp of Math.exp over the whole finite range, subnormal results included', () => {
    // 708 is where fastExp hands over to Math.exp; ±745 spans underflow to 0 and overflow to ∞
    for (const [lo, hi] of [
      [-745, 710],
      [-709, -707],
      [707, 709],
    ]) {
      const { worst, at } = worstUlps(lo, hi, 200_000);
      expect(worst, `at x = ${at}`).toBeLessThanOrEqual(1);
    }
  });

  it('is exact where eˣ is: e⁰ = 1 for ±0, and agrees with Math.exp on NaN, ±∞ and the limits', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(-0)).toBe(1);
    for (const x of [NaN, Infinity, -Infinity, 709.78, 709.79, -745.13, -745.14, 708, -708, 1000]) {
      expect(Object.is(fastExp(x), Math.exp(x)), `x = ${x}`).toBe(true);
    }
  });

  it('is within 1 ulp of Math.exp at the table points x = j·ln2/128 and halfway between', () => {
    for (let j = -2000; j <= 2000; j++) {
      for (const x of [(j * Math.LN2) / 128, ((j + 0.5) * Math.LN2) / 128]) {
        expect(ulps(fastExp(x), Math.exp(x)), `x = ${x}`).toBeLessThanOrEqual(1);
      }
    }
  });
});
