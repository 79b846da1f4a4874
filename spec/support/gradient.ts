// The numerical gradient's oracles and its spy. The spy f records every call: what its
// argument held, whether it was x itself, what x itself held at that moment and which
// elements stood away from x's original values. Laws check the calls against the header;
// diagnoses read the same record.
import { dot, NDArray } from '../../src/index.ts';
import type { Tolerance } from './close.ts';
import { formatNumber, formatPair } from './format.ts';
import { thirdDerivativeBound } from './symbolic.ts';

export interface Call {
  /** f's argument as it was when f was called. */
  arg: Float64Array;
  /** Whether f was handed x itself. */
  isX: boolean;
  /** x itself as it was when f was called. */
  x: Float64Array;
  /** The flat indices where arg differs from x's original values, bit for bit. */
  moved: number[];
  value: number;
}

export interface Spy {
  f: (v: NDArray) => number;
  calls: Call[];
  /** x's values before any call. */
  before: Float64Array;
}

/** A spy f on x that answers with `value` of the argument's elements. */
export function spyOn(x: NDArray, value: (data: Float64Array) => number): Spy {
  const before = x.data.slice();
  const calls: Call[] = [];
  const f = (v: NDArray) => {
    const arg = (v instanceof NDArray ? v.data : Float64Array.from(v as ArrayLike<number>)).slice();
    const moved = [...arg.keys()].filter((i) => !Object.is(arg[i], before[i]));
    const result = value(arg);
    calls.push({ arg, isX: v === x, x: x.data.slice(), moved, value: result });
    return result;
  };
  return { f, calls, before };
}

/** The step of a call that moved only element i, or undefined. */
export function stepOf(call: Call, before: Float64Array): { i: number; delta: number } | undefined {
  if (call.moved.length !== 1) return undefined;
  const [i] = call.moved;
  return { i, delta: call.arg[i] - before[i] };
}

/**
 * What is wrong with the calls the spy saw, against the header: 2·size calls, each with exactly
 * one element moved, by +h or −h (within `slack`), every element once each way; else undefined.
 */
export function wrongCall(spy: Spy, h: number, slack: number): string | undefined {
  const moves = new Set<string>();
  for (const [n, call] of spy.calls.entries()) {
    const step = stepOf(call, spy.before);
    if (!step) {
      const by = (k: number) => `x[${k}] moved by ${formatNumber(call.arg[k] - spy.before[k])}`;
      const which = call.moved.length ? call.moved.map(by).join(' and ') : 'no element moved';
      return `call ${n + 1} of f saw ${which}; each call should see exactly one element moved`;
    }
    if (Math.abs(Math.abs(step.delta) - h) > slack) {
      const [moved, h1] = formatPair(step.delta, Math.sign(step.delta) * h, slack / 2);
      return `call ${n + 1} of f saw x[${step.i}] moved by ${moved}, not by ${h1}`;
    }
    moves.add(`${step.i}${step.delta > 0 ? '+' : '−'}`);
  }
  for (let i = 0; i < spy.before.length; i++) {
    for (const sign of ['+', '−']) {
      if (!moves.has(`${i}${sign}`)) return `element ${i} of x was never moved by ${sign}h`;
    }
  }
  const size = spy.before.length;
  if (spy.calls.length !== 2 * size) {
    return `f was called ${spy.calls.length} times for x of size ${size}; expected 2·${size}`;
  }
  return undefined;
}

const H = 1e-4; // the book's step

export interface Seen {
  x: NDArray; // as it was before the call
  calls: Call[];
  result: unknown;
  after: Float64Array;
  /** f at the call that moved element i alone by about s·h (s = ±1), or at x itself (i = −1). */
  at(i: number, s?: number): number | undefined;
}

/** The elements of a call's argument that stand at least h/2 from x's original values. */
export const far = (c: Call, before: Float64Array) =>
  c.moved.filter((k) => Math.abs(c.arg[k] - before[k]) >= H / 2);

/** Runs `gradient` on x with a spy f that answers with `value`, and what it saw. */
export function observeGradient(
  gradient: (f: (v: NDArray) => number, x: NDArray) => unknown,
  x: NDArray,
  value: (data: Float64Array) => number,
): Seen {
  const spy = spyOn(x, value);
  const result: unknown = gradient(spy.f, x);
  const { before, calls } = spy;
  const at = (i: number, s = 0) => {
    const hit = calls.find((c) => {
      const moved = far(c, before);
      if (i < 0) return moved.length === 0;
      const delta = c.arg[i] - before[i];
      return moved.length === 1 && moved[0] === i && Math.abs(delta - s * H) <= 1e-9 * H;
    });
    return hit?.value;
  };
  return { x: new NDArray(before, x.shape), calls, result, after: x.data.slice(), at };
}

const EPS = Number.EPSILON;
// mathjs evaluates ∂f/∂xᵢ in floating point too: a few hundred ε relative at most.
const ORACLE_REL = 1e-12;

/**
 * The central-difference error bound of each element of the gradient at `values`: h²/6·|f'''|
 * along eᵢ (truncation) + E·ε/h (f off by ≤ E·ε, E counted as the expression was built)
 * + |∂ᵢf|·ε·(|xᵢ| + h)/2h (xᵢ ± h rounds, so the true step is not exactly 2h).
 */
export function centralTolerance(
  partials: ((x: ArrayLike<number>) => number)[],
  roundingUnits: number,
  values: number[],
): Tolerance {
  const abs = values.map((xi, i) => {
    const along = (t: number) => partials[i](values.map((v, j) => (j === i ? t : v)));
    const slope = Math.abs(partials[i](values));
    return (
      ((H * H) / 6) * thirdDerivativeBound(along, xi) +
      (roundingUnits * EPS) / H +
      (slope * EPS * (Math.abs(xi) + H)) / (2 * H)
    );
  });
  return { abs, rel: ORACLE_REL };
}

/**
 * The book's simpleNet of 4.4.2 on one sample x (1, 2) with label t: W (2, 3), a loss that
 * reads W through the network, written as log Σ exp(z) − z_t, and its exact gradient
 * ∂L/∂W[i, j] = x_i·(softmax(z)_j − [j = t]).
 */
export function simpleNet(W: NDArray, x: NDArray, t: number) {
  const net = {
    W,
    loss: () => {
      const z = dot(x, net.W).data;
      return Math.log(z.reduce((s, zj) => s + Math.exp(zj), 0)) - z[t];
    },
  };
  const z = dot(x, W).data;
  const total = z.reduce((s, zj) => s + Math.exp(zj), 0);
  const dW = W.data.map((_, k) => {
    const [i, j] = [Math.floor(k / 3), k % 3];
    return x.data[i] * (Math.exp(z[j]) / total - (j === t ? 1 : 0));
  });
  return { net, dW: new NDArray(dW, [2, 3]) };
}
