// The numbers behind Fig. 4-7, 4-9 and 4-10, computed with the student's functions. Each
// builder returns plain rows for vega-lite plus the few facts a caption states (slopes, the
// worst deviation, where a path went), so a wrong implementation is visible and named.
import { array, type NDArray } from '../../src/index.ts';
import type { GradientDescent, NumericalDiff, NumericalGradient } from './student.ts';

export const H = 1e-4; // the book's step; the forward difference errs by h·f''/2 with it

/** The book's function_1 and its exact derivative. */
export const f1 = (x: number) => 0.01 * x ** 2 + 0.1 * x;
export const df1 = (x: number) => 0.02 * x + 0.1;
const D2F1 = 0.02; // f1'' everywhere

/** The book's function_2, f(x0, x1) = x0² + x1², read from the argument as the book's lambda does. */
export const f2 = (x: NDArray) => x.data[0] ** 2 + x.data[1] ** 2;

const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.round((to - from) / step) }, (_, i) => from + i * step);

export const TANGENT_AT = [5, 10]; // the book's two points
const F1_XS = range(0, 20, 0.1); // np.arange(0.0, 20.0, 0.1)
const ERROR_XS = range(0.5, 20.5, 0.5);
export const ERROR_FLOOR = 1e-17; // an exact 0 would vanish from a log axis: drawn here instead
/** The error panel's three lines: the student's, and where each kind of difference lands. */
export const ERROR_LINES = {
  yours: 'yours',
  forward: 'a forward difference errs by h·f″/2',
  central: 'a central difference: rounding only, ≈ ε·|f|/h',
};

export interface TangentData {
  curve: { x: number; y: number; line: string }[];
  slopes: { at: number; yours: number; exact: number }[];
  errors: { x: number; error: number; line: string }[];
}

export function tangentData(numericalDiff: NumericalDiff): TangentData {
  const curve = F1_XS.map((x) => ({ x, y: f1(x), line: 'f1(x) = 0.01x² + 0.1x' }));
  const slopes = TANGENT_AT.map((at) => ({ at, yours: numericalDiff(f1, at), exact: df1(at) }));
  for (const { at, yours } of slopes) {
    if (!Number.isFinite(yours)) throw new Error(`numericalDiff(f1, ${at}) returned ${yours}`);
    // the book's tangent_line: y = f(a) + d·(x − a), with d the student's slope
    curve.push(
      ...F1_XS.map((x) => ({ x, y: f1(at) + yours * (x - at), line: `tangent at x = ${at}` })),
    );
  }
  const errors = ERROR_XS.flatMap((x) => [
    {
      x,
      error: Math.max(Math.abs(numericalDiff(f1, x) - df1(x)), ERROR_FLOOR),
      line: ERROR_LINES.yours,
    },
    { x, error: (H * D2F1) / 2, line: ERROR_LINES.forward },
    // central difference on a quadratic: no truncation, rounding ε·|f|/h only
    { x, error: (Number.EPSILON * Math.abs(f1(x))) / H, line: ERROR_LINES.central },
  ]);
  return { curve, slopes, errors };
}

const FIELD_XS = range(-2, 2.5, 0.25); // np.arange(-2, 2.5, 0.25), the book's grid
export const FIELD_SPACING = 0.25;

export interface FieldData {
  arrows: { x: number; y: number; dx: number; dy: number; norm: number }[];
  worst: number; // max |yours − exact| over the grid, exact −∇f = −2x
}

export function fieldData(numericalGradient: NumericalGradient): FieldData {
  const arrows = [];
  let worst = 0;
  for (const x0 of FIELD_XS) {
    for (const x1 of FIELD_XS) {
      const g = numericalGradient(f2, array([x0, x1]));
      const [dx, dy] = [-g.data[0], -g.data[1]];
      if (!Number.isFinite(dx) || !Number.isFinite(dy) || g.size !== 2) {
        throw new Error(`numericalGradient at (${x0}, ${x1}) returned ${g.toString()}`);
      }
      worst = Math.max(worst, Math.abs(dx + 2 * x0), Math.abs(dy + 2 * x1));
      arrows.push({ x: x0, y: x1, dx, dy, norm: Math.hypot(dx, dy) });
    }
  }
  return { arrows, worst };
}

export const INIT_X = [-3, 4]; // the book's init_x
export const STEP_NUM = 20; // the book's step_num for the plot
export const LEARNING_RATES = [0.1, 10, 1e-10]; // the book's good, too large and too small
export const VIEW = 4.5; // the window of the book's plot, made square so circles stay round

export interface PathPoint {
  step: number;
  x: number; // pinned to the window's edge when the step leaves it
  y: number;
  f: number;
  outside: boolean;
}
export interface PathData {
  lr: number;
  points: PathPoint[];
  last: [number, number];
  verdict: string[]; // what f did, then what the path did, in one sentence
}

const clamp = (v: number) => Math.min(VIEW, Math.max(-VIEW, v));

/**
 * x after 0, 1, …, STEP_NUM steps: the student's gradientDescent called with stepNum = k for
 * each k. Any correct implementation is deterministic, so these are the points of one path,
 * whatever it does inside (no spying on f, which may be called at x ± h or on a copy).
 */
export function descentPath(gradientDescent: GradientDescent, lr: number): PathData {
  const xs: [number, number][] = [[INIT_X[0], INIT_X[1]]];
  for (let k = 1; k <= STEP_NUM; k++) {
    const x = gradientDescent(f2, array(INIT_X), lr, k);
    xs.push([x.data[0], x.data[1]]);
  }
  const points = xs.map(([a, b], step) => ({
    step,
    x: clamp(a),
    y: clamp(b),
    f: a ** 2 + b ** 2,
    outside: Math.abs(a) > VIEW || Math.abs(b) > VIEW,
  }));
  return { lr, points, last: xs[STEP_NUM], verdict: verdict(xs) };
}

const fmt = (v: number) =>
  v === 0
    ? '0'
    : Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3
      ? v.toExponential(1)
      : String(+v.toFixed(3));

function verdict(xs: [number, number][]): string[] {
  const f = ([a, b]: [number, number]) => a ** 2 + b ** 2;
  const [first, last] = [xs[0], xs[xs.length - 1]];
  if (!xs.every(([a, b]) => Number.isFinite(a) && Number.isFinite(b))) {
    return ['x became NaN or infinite along the way'];
  }
  // the first step against the exact gradient 2x: uphill when it points along +∇f
  const [a, b] = first;
  const [c, d] = xs[1];
  const along = (c - a) * 2 * a + (d - b) * 2 * b;
  const moved = Math.hypot(last[0] - first[0], last[1] - first[1]);
  const fs = `f: ${fmt(f(first))} → ${fmt(f(last))}`;
  const say = (sentence: string) => [fs, sentence];
  if (along > 0) return say('the path CLIMBS: each step goes uphill, along +∇f');
  if (f(last) > f(first)) return say('each step goes downhill but overshoots: lr too large');
  if (moved < 1e-6) return say(`x moved only ${fmt(moved)}: lr too small to learn`);
  return say('downhill, towards the minimum at (0, 0)');
}

export const formatNumber = fmt;
