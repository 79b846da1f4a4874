// A small seeded generator, so that a run can be replayed and compared with the Python peer
// (/work/shared/bench/numpy_twolayer.py, class Mulberry32): both produce the same bits.

/** A deterministic stream of random numbers: same seed, same stream. */
export interface Rng {
  /** uniform in [0, 1) */
  random(): number;
  /** standard normal */
  normal(): number;
  /** uniform integer in [0, n) */
  int(n: number): number;
  /** k integers from [0, n), with replacement (numpy's random.choice) */
  choice(n: number, k: number): number[];
}

const GOLDEN_GAMMA = 0x6d2b79f5; // mulberry32's state increment
const TWO_POW_32 = 4294967296; // maps a uint32 onto [0, 1)

/**
 * mulberry32: a 32-bit state, one increment and a few multiplies per draw. `seed` may be any
 * safe integer; it is taken modulo 2³², as the Python peer's `seed & 0xFFFFFFFF`.
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed))
    throw new Error(`createRng: seed must be an integer, got ${seed}`);
  let state = seed >>> 0;

  function nextU32(): number {
    state = (state + GOLDEN_GAMMA) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  function random(): number {
    return nextU32() / TWO_POW_32;
  }

  // Box–Muller, cos branch only: two fresh draws per call, no cached sin value, as the peer
  function normal(): number {
    const u1 = 1 - random(); // in (0, 1], so log(u1) is finite
    const u2 = random();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  function int(n: number): number {
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`int: n must be a positive integer, got ${n}`);
    return Math.floor(random() * n);
  }

  function choice(n: number, k: number): number[] {
    if (!Number.isInteger(n) || n <= 0) {
      throw new Error(`choice: n must be a positive integer, got ${n}`);
    }
    if (!Number.isInteger(k) || k < 0) {
      throw new Error(`choice: k must be a non-negative integer, got ${k}`);
    }
    return Array.from({ length: k }, () => int(n));
  }

  return { random, normal, int, choice };
}
