import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, randn } from '../../../src/index.ts';
import { expectClose } from '../../../spec/support/close.ts';

// Golden values from the Python peer, /work/shared/bench/numpy_twolayer.py, computed with
//   from numpy_twolayer import Mulberry32
//   r = Mulberry32(42); [r.uniform() for _ in range(5)]   (and .randn(), and seed 0 below)
const UNIFORM_SEED_42 = [
  0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693,
  0.17481389874592423,
];
const NORMAL_SEED_42 = [
  -1.2848381576290195, -0.9453528099747296, -0.6112802846514629, -0.5658325852126875,
  -1.9727758972262703,
];
// r = Mulberry32(0); [int(r.uniform() * 8000) for _ in range(10)]: the peer's mini-batch draws
const INT_8000_SEED_0 = [2131, 2, 1786, 1169, 3738, 4360, 4922, 5191, 3648, 4649];
const EXACT = { abs: 0, rel: 0 }; // the same stream, bit for bit

// any 32-bit seed, and some beyond, which are taken modulo 2³² as in the peer
const seedArb = fc.integer({ min: -(2 ** 40), max: 2 ** 40 });

describe('createRng', () => {
  it('is bit-identical to the Python peer (tolerance 0)', () => {
    const r = createRng(42);
    expectClose(
      UNIFORM_SEED_42.map(() => r.random()),
      UNIFORM_SEED_42,
      EXACT,
      'createRng(42).random()',
    );
    const s = createRng(42);
    expectClose(
      NORMAL_SEED_42.map(() => s.normal()),
      NORMAL_SEED_42,
      EXACT,
      'createRng(42).normal()',
    );
    expect(createRng(0).choice(8000, 10)).toEqual(INT_8000_SEED_0);
  });

  it('gives the same stream for the same seed and different streams for different seeds', () => {
    fc.assert(
      fc.property(seedArb, seedArb, (s, t) => {
        const draw = (seed: number) => {
          const r = createRng(seed);
          return Array.from({ length: 4 }, () => r.random());
        };
        expect(draw(s)).toEqual(draw(s));
        if (s >>> 0 !== t >>> 0) expect(draw(s)).not.toEqual(draw(t));
      }),
    );
  });

  it('random() lies in [0, 1) and choice(n, k) gives k integers in [0, n)', () => {
    // n up to 10⁶: far more classes than draws, and the peer's 8000 rows sit inside
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 1, max: 1e6 }), fc.nat(50), (seed, n, k) => {
        const r = createRng(seed);
        const u = r.random();
        expect(u >= 0 && u < 1).toBe(true);
        const c = r.choice(n, k);
        expect(c).toHaveLength(k);
        expect(c.every((i) => Number.isInteger(i) && i >= 0 && i < n)).toBe(true);
      }),
    );
  });

  it('normal() has mean 0 and variance 1 (5σ bounds: false failure < 1e-6)', () => {
    const DRAWS = 20000;
    const r = createRng(2024);
    const x = Array.from({ length: DRAWS }, () => r.normal());
    const mean = x.reduce((s, v) => s + v, 0) / DRAWS;
    const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / DRAWS;
    // the sample mean has sd 1/√n; the sample variance has sd √(2/n) for a normal
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(DRAWS));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / DRAWS));
  });

  it('randn fills row-major from normal(), as the peer builds W1', () => {
    const w = randn([2, 3], createRng(42));
    const r = createRng(42);
    expectClose(
      w,
      Array.from({ length: 6 }, () => r.normal()),
      EXACT,
      'randn([2, 3], createRng(42))',
    );
  });

  it('randn draws exactly one normal() per element, so the next draw continues the stream', () => {
    // the peer draws W1 then W2 from one generator; W2 must start where W1 stopped
    const r = createRng(42);
    randn([2, 3], r);
    const s = createRng(42);
    for (let i = 0; i < 6; i++) s.normal();
    expect(r.normal()).toBe(s.normal());
  });

  it('rejects a non-integer seed and invalid n or k', () => {
    expect(() => createRng(1.5)).toThrow('createRng: seed must be an integer, got 1.5');
    const r = createRng(1);
    expect(() => r.int(0)).toThrow('int: n must be a positive integer, got 0');
    expect(() => r.choice(3.5, 1)).toThrow(/choice: n must be a positive integer/);
    expect(() => r.choice(3, -1)).toThrow(/choice: k must be a non-negative integer/);
  });
});
