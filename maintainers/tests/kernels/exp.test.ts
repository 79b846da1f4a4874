import type { BigNumber, FactoryFunctionMap, MathJsFactory } from 'mathjs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/index.ts';
import { fastExp } from '../../../kernels/exp.ts';

// the browser bundle loads faster than the node entry (as spec/support/symbolic.ts)
const mathjs = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as MathJsFactory & {
  all: FactoryFunctionMap;
};
// 40 digits: eˣ's error in the oracle is ~1e-40 relative, far below the 1e-16 of one ulp
const big = mathjs.create(mathjs.all, { number: 'BigNumber', precision: 40 });

// the distance in units in the last place between two finite doubles of one sign
const view = new DataView(new ArrayBuffer(8));
function ulps(a: number, b: number): number {
  const bits = (x: number) => (view.setFloat64(0, x), view.getBigInt64(0));
  const d = bits(a) - bits(b);
  return Number(d < 0n ? -d : d);
}

// a finite double as m·2^q with an integer m of at most 53 bits: 2^q is its ulp
function split(x: number): { m: bigint; q: number } {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const e = Number((bits >> 52n) & 0x7ffn);
  const m = (bits & ((1n << 52n) - 1n)) | (e > 0 ? 1n << 52n : 0n);
  return { m: x < 0 ? -m : m, q: Math.max(e, 1) - 1075 };
}

// the exact value of a double, which its shortest decimal string is not
function exact(x: number): BigNumber {
  const { m, q } = split(x);
  return big.multiply(big.bignumber(m.toString()), big.pow(big.bignumber(2), q)) as BigNumber;
}

// |fastExp(x) − eˣ| in units of the last place of the result, eˣ to 40 digits
function ulpsFromExact(x: number): number {
  const y = fastExp(x);
  const ulp = 2 ** split(y).q;
  const diff = big.subtract(exact(y), big.exp(exact(x))) as BigNumber;
  return Math.abs(big.number(diff) as number) / ulp;
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

  it('rounds once: within 0.52 ulp of eˣ computed to 40 digits', () => {
    // 0.5 for the final rounding, plus < 0.02 for what reaches it: the dropped r⁶ term (< 2⁻⁶⁰
    // relative) and the roundings inside p and t·p, each a few ε·|p| with |p| < 0.003
    const BOUND = 0.52;
    const rng = createRng(3);
    for (const range of [40, 707]) {
      for (let i = 0; i < 4000; i++) {
        const x = range * (2 * rng.random() - 1);
        expect(ulpsFromExact(x), `x = ${x}`).toBeLessThanOrEqual(BOUND);
      }
    }
  });
});
