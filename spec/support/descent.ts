// Gradient descent on the bowl f(x) = a·Σxᵢ², whose gradient is 2a·x, so one step maps x to
// (1 − 2a·lr)·x and n steps to (1 − 2a·lr)ⁿ·x0: the closed form the laws compare with, the
// error bound that comparison allows, and a spy bowl that records where f was called.
import fc from 'fast-check';
import { array, copy, NDArray, numericalGradient } from '../../src/index.ts';
import { anyShapeArb, ndarrayArb, realArb } from './arbitraries.ts';
import { expectClose, type Tolerance } from './close.ts';
import { formatPair } from './format.ts';

const H = 1e-4; // the step of src's numericalGradient
const EPS = Number.EPSILON;

export const bowl = (a: number) => (v: NDArray) => a * v.data.reduce((s, t) => s + t * t, 0);

/**
 * f(x) = Σ aᵢxᵢ² + c·(Σxᵢ)², a convex quadratic that couples the coordinates; its curvature
 * (the largest eigenvalue of its Hessian) is at most 2·max a + 2c·size.
 */
export function coupledBowl(a: number[], c: number) {
  const f = (v: NDArray) => {
    const total = v.data.reduce((s, t) => s + t, 0);
    return v.data.reduce((s, t, i) => s + a[i] * t * t, 0) + c * total * total;
  };
  return { f, curvature: 2 * Math.max(...a) + 2 * c * a.length };
}

/** The bowl's closed form (1 − 2a·lr)ⁿ·x0. */
export const closedForm = (a: number, lr: number, x0: NDArray, n: number) =>
  new NDArray(
    x0.data.map((v) => (1 - 2 * a * lr) ** n * v),
    x0.shape,
  );

/**
 * A first-order bound on |x_n − (1 − 2a·lr)ⁿ·x0| on the bowl: each step's numerical gradient
 * is off by 2(size + 1)·ε·f(x ± h)/h (rounding of f) + |g|·ε·(|x| + h)/2h (x ± h rounds), the
 * update rounds by ε·(|x| + lr·|g|), and every earlier error is scaled by r = 1 − 2a·lr; the
 * oracle's rⁿ is off by n·|r|ⁿ⁻¹·5ε (r itself rounds within 5ε) plus 2ε relative.
 */
export function trajectoryTolerance(a: number, lr: number, x0: NDArray, n: number): Tolerance {
  const r = Math.abs(1 - 2 * a * lr);
  const m0 = Math.max(...x0.data.map(Math.abs)); // largest |x_k|
  let [m, bound] = [m0, 0];
  for (let k = 0; k < n; k++) {
    const g = 2 * a * m;
    const f = a * (x0.size * m * m + 2 * H * m + H * H);
    const dg = (2 * (x0.size + 1) * EPS * f) / H + (g * EPS * (m + H)) / (2 * H);
    bound = r * bound + lr * dg + EPS * (m + lr * g);
    m *= r;
  }
  const oracle = n * r ** Math.max(n - 1, 0) * 5 * EPS * m0 + 2 * EPS * m;
  return { abs: bound + oracle, rel: 0 };
}

/** A bowl that records a copy of its argument at every call. */
export function spyBowl(a: number) {
  const calls: Float64Array[] = [];
  const f = (v: NDArray) => {
    calls.push(Float64Array.from(v.data));
    return bowl(a)(v);
  };
  return { f, calls };
}

/** Fails unless x is the closed form after n steps, within the trajectory's error bound. */
export function expectOnBowl(
  x: NDArray,
  a: number,
  lr: number,
  x0: NDArray,
  n: number,
  what: string,
) {
  expectClose(x, closedForm(a, lr, x0, n), trajectoryTolerance(a, lr, x0, n), what);
}

/**
 * What is wrong with the calls of f in an n-step run from x0, against src's numericalGradient:
 * in step k + 1, f is called at x_k ± h·eᵢ for one element i at a time, each once, x_k the
 * closed form after k steps (within its error bound), and 2·size·n calls in all.
 */
export function wrongCalls(
  calls: Float64Array[],
  a: number,
  lr: number,
  x0: NDArray,
  n: number,
): string | undefined {
  const per = 2 * x0.size;
  const seen = new Set<string>();
  for (const [j, call] of calls.slice(0, per * n).entries()) {
    const k = Math.floor(j / per);
    const center = closedForm(a, lr, x0, k).data;
    const tol = trajectoryTolerance(a, lr, x0, k).abs as number;
    const away = [...call.keys()].filter((i) => Math.abs(call[i] - center[i]) > H / 2);
    const [i] = away;
    const delta = call[i] - center[i];
    const step = Math.abs(Math.abs(delta) - H) <= tol + 2 * EPS * (Math.abs(center[i]) + H);
    const rest = [...call.keys()].every((m) => m === i || Math.abs(call[m] - center[m]) <= tol);
    const key = `${k}:${i}${Math.sign(delta)}`;
    if (away.length !== 1 || !step || !rest || seen.has(key)) {
      // as many digits as it takes to tell the call from the point it should be near
      const pairs = [...call.keys()].map((m) => formatPair(center[m], call[m], tol / 2));
      const [want, got] = [0, 1].map((side) => `[${pairs.map((p) => p[side]).join(', ')}]`);
      return (
        `call ${j + 1} of f, in step ${k + 1}, was at ${got}; that step calls f at x ± h·eᵢ, ` +
        `each once, around x = ${want}, where ${k} step${k === 1 ? ' leads' : 's lead'}`
      );
    }
    seen.add(key);
  }
  if (calls.length === per * n) return undefined;
  return `f was called ${calls.length} times; stepNum = ${n} on x of size ${x0.size} makes 2·${x0.size}·${n} = ${per * n} calls`;
}

/** An initX of any shape, 0-d included, with |x| ≤ 10. */
export const anyXArb = anyShapeArb.chain((shape) => ndarrayArb(shape, -10, 10));

// a ∈ [0.1, 3]: curvatures of either size; 0.001 ≤ lr ≤ 1.5/a: from creeping to diverging
export const bowlRunArb = realArb(0.1, 3).chain((a) =>
  realArb(0.001, 1.5 / a).chain((lr) => {
    const r = Math.abs(1 - 2 * a * lr);
    // a diverging run stops at growth 1e3, so |x| ≤ 1e4 and x ± h keeps 1e-12 of its precision
    const maxSteps =
      r > 1 ? Math.max(1, Math.min(50, Math.floor(Math.log(1e3) / Math.log(r)))) : 50;
    return fc.record({
      a: fc.constant(a),
      lr: fc.constant(lr),
      n: fc.integer({ min: 1, max: maxSteps }),
      x0: anyXArb,
    });
  }),
);

/** 1 to 4 values with 1 ≤ |x0ᵢ| ≤ 10: away from the minimum, so shrinking and growing both show. */
export const awayFromMinimumArb = fc
  .array(fc.tuple(realArb(1, 10), fc.boolean()), { minLength: 1, maxLength: 4 })
  .map((xs) => array(xs.map(([m, negative]) => (negative ? -m : m))));

/** lr = u/a with u = lr·a in [0.05, 0.95] or [1.05, 1.5]: clear of lr = 1/a, where |1 − 2a·lr| = 1. */
export const aroundOneOverAArb = fc.record({
  a: realArb(0.1, 3),
  u: fc.oneof(realArb(0.05, 0.95), realArb(1.05, 1.5)),
  n: fc.integer({ min: 1, max: 20 }),
  x0: awayFromMinimumArb,
});

/** f = coupledBowl(a, c) with lr = u / its curvature, n steps from x0. */
export const coupledRunArb = fc.integer({ min: 1, max: 4 }).chain((size) =>
  fc.record({
    a: fc.array(realArb(0.1, 3), { minLength: size, maxLength: size }),
    c: realArb(0, 1),
    u: realArb(0.01, 0.5), // lr = u/L ≤ 1/2L: well inside descent's safe range lr < 2/L
    n: fc.integer({ min: 1, max: 12 }),
    x0: ndarrayArb([size], -10, 10),
  }),
);

/** lr = u/a with u ≤ 0.5, so 0 ≤ 1 − 2a·lr < 1 and x shrinks toward 0; up to 6 steps, 0 included. */
export const shrinkingRunArb = fc.record({
  a: realArb(0.1, 3),
  u: realArb(0.01, 0.5),
  n: fc.integer({ min: 0, max: 6 }),
  x0: anyXArb,
});

/** src's numericalGradient of the bowl at x, which it leaves as it was. */
export const gradientAt = (a: number, x: NDArray) => numericalGradient(bowl(a), copy(x)).data;

/** The xs of every step from x0 up to `steps`, each update x ← x − lr·g by src's gradient. */
export function trajectory(a: number, x0: NDArray, lr: number, steps: number): Float64Array[] {
  const xs = [x0.data.slice()];
  const x = copy(x0);
  for (let k = 0; k < steps; k++) {
    const g = gradientAt(a, x);
    g.forEach((gj, j) => (x.data[j] -= lr * gj));
    xs.push(x.data.slice());
  }
  return xs;
}

/** What one run of gradient descent on the spy bowl did. */
export interface Seen {
  a: number;
  x0: NDArray; // as it was before the call
  lr?: number;
  n?: number;
  calls: Float64Array[];
  result: unknown;
  after: Float64Array;
}

/** Runs `descend` from a copy of x0 on the spy bowl; lr and n left out take their defaults. */
export function observeDescent(
  descend: (f: (x: NDArray) => number, x0: NDArray, ...rest: number[]) => unknown,
  a: number,
  x0: NDArray,
  lr?: number,
  n?: number,
): Seen {
  const [x, spy] = [copy(x0), spyBowl(a)];
  const rest = [lr, n].filter((v) => v !== undefined);
  const result: unknown = descend(spy.f, x, ...rest);
  return { a, x0, lr, n, calls: spy.calls, result, after: x.data.slice() };
}
