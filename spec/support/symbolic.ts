// The symbolic oracle: fast-check builds an expression, mathjs differentiates it, and both
// are compiled to functions. Every node carries interval bounds for |x| ≤ X_BOUND, so the
// operators that could blow up are tamed by construction (a scale or a shift), never by
// filtering: exp sees arguments in [−3, 3], log sees arguments ≥ 1, products and powers stay
// near MAG. The same pass counts a first-order bound on f's rounding error, in units of ε.
import fc from 'fast-check';
import type { MathJsInstance, MathNode } from 'mathjs';
import { createRequire } from 'node:module';

// the browser bundle loads in ~0.17 s instead of ~0.65 s for the node entry
const math = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as MathJsInstance;

/** Generated points lie in [−2, 2]; the extra 0.02 covers x ± h and the f''' stencil. */
export const X_RANGE = 2;
const X_BOUND = 2.02;
const MAG = 10; // products and powers are scaled back to about this size: |f| stays ≤ ~100
const EXP_ARG = 3; // exp(±3) ≈ 20: big enough to matter, small enough to stay well-conditioned

interface Node {
  text: string;
  lo: number;
  hi: number;
  /** first-order bound on the absolute rounding error of evaluating this node, in units of ε */
  err: number;
}

const mag = (n: Node) => Math.max(Math.abs(n.lo), Math.abs(n.hi));

function variable(name: string): Node {
  return { text: name, lo: -X_BOUND, hi: X_BOUND, err: 0 }; // x itself is exact
}

function constant(c: number): Node {
  // both f and f' read the same parsed constant, so its decimal rounding is not an error here
  return { text: c < 0 ? `(${c})` : `${c}`, lo: c, hi: c, err: 0 };
}

/** (u) / k for the smallest integer k ≥ 1 that brings |u| down to `limit`. */
function scaled(u: Node, limit: number): Node {
  const k = Math.ceil(mag(u) / limit);
  if (k <= 1) return u;
  return { text: `(${u.text}) / ${k}`, lo: u.lo / k, hi: u.hi / k, err: u.err / k + mag(u) / k };
}

function unary(op: string, arg: Node): Node {
  switch (op) {
    case 'sin':
    case 'cos': // |sin'| ≤ 1 passes the error on; the library adds ≤ 1 ulp of a result ≤ 1
      return { text: `${op}(${arg.text})`, lo: -1, hi: 1, err: arg.err + 1 };
    case 'exp': {
      const u = scaled(arg, EXP_ARG);
      const top = Math.exp(u.hi);
      return { text: `exp(${u.text})`, lo: Math.exp(u.lo), hi: top, err: top * (u.err + 1) };
    }
    case 'log': {
      // shift by the integer c that keeps the argument ≥ 1, where |log'| ≤ 1
      const c = Math.max(0, Math.ceil(1 - arg.lo));
      const w = c === 0 ? arg.text : `${arg.text} + ${c}`;
      const top = Math.log(arg.hi + c);
      return { text: `log(${w})`, lo: 0, hi: top, err: arg.err + arg.hi + c + top };
    }
    default: {
      const p = op === 'square' ? 2 : 3;
      const u = scaled(arg, MAG ** (1 / p));
      const m = mag(u);
      const lo = p === 2 ? 0 : u.lo ** 3;
      return { text: `(${u.text})^${p}`, lo, hi: m ** p, err: p * m ** (p - 1) * u.err + m ** p };
    }
  }
}

function binary(op: string, a: Node, b: Node): Node {
  if (op === '+' || op === '-') {
    const [lo, hi] = op === '+' ? [a.lo + b.lo, a.hi + b.hi] : [a.lo - b.hi, a.hi - b.lo];
    const text = op === '+' ? `${a.text} + ${b.text}` : `${a.text} - (${b.text})`;
    return { text, lo, hi, err: a.err + b.err + Math.max(Math.abs(lo), Math.abs(hi)) };
  }
  const corners = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
  const product: Node = {
    text: `(${a.text}) * (${b.text})`,
    lo: Math.min(...corners),
    hi: Math.max(...corners),
    err: a.err * mag(b) + b.err * mag(a),
  };
  product.err += mag(product);
  return scaled(product, MAG);
}

function nodeArb(variables: string[]): fc.Arbitrary<Node> {
  const { node } = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { maxDepth: 3, depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...variables).map(variable),
      // one decimal in [−3, 3]: readable constants of either sign
      fc.integer({ min: -30, max: 30 }).map((k) => constant(k / 10)),
      fc
        .tuple(fc.constantFrom('sin', 'cos', 'exp', 'log', 'square', 'cube'), tie('node'))
        .map(([op, u]) => unary(op, u)),
      fc
        .tuple(fc.constantFrom('+', '-', '*'), tie('node'), tie('node'))
        .map(([op, a, b]) => binary(op, a, b)),
    ),
  }));
  return node;
}

/** One generated function of x, with its symbolic derivative from mathjs. */
export interface Univariate {
  text: string;
  f: (x: number) => number;
  df: (x: number) => number;
  /** bound on |fl(f(x)) − f(x)| in units of ε, anywhere on the domain */
  roundingUnits: number;
}

function compileIn(node: MathNode | string): (scope: Record<string, number>) => number {
  const code = (typeof node === 'string' ? math.parse(node) : node).compile();
  return (scope) => code.evaluate(scope) as number;
}

/** f(x) built from x, constants, + − ·, sin, cos, exp, log and powers, for x in [−2, 2]. */
export const univariateExprArb: fc.Arbitrary<Univariate> = nodeArb(['x']).map((node) => {
  const parsed = math.parse(node.text);
  const f = compileIn(parsed);
  const df = compileIn(math.derivative(parsed, 'x', { simplify: false }));
  return {
    text: node.text,
    f: (x) => f({ x }),
    df: (x) => df({ x }),
    roundingUnits: node.err,
  };
});

/** f(x0, …, x{n−1}) with its n symbolic partial derivatives; variables are flat indices. */
export interface Multivariate {
  text: string;
  n: number;
  f: (x: ArrayLike<number>) => number;
  partials: ((x: ArrayLike<number>) => number)[];
  roundingUnits: number;
}

function scopeOf(x: ArrayLike<number>): Record<string, number> {
  const scope: Record<string, number> = {};
  for (let i = 0; i < x.length; i++) scope[`x${i}`] = x[i];
  return scope;
}

/** A function of n = 1..4 variables (few enough to read, enough to mix coordinates). */
export const multivariateExprArb: fc.Arbitrary<Multivariate> = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => nodeArb(Array.from({ length: n }, (_, i) => `x${i}`)).map((node) => ({ n, node })))
  .map(({ n, node }) => {
    const parsed = math.parse(node.text);
    const f = compileIn(parsed);
    const partials = Array.from({ length: n }, (_, i) =>
      compileIn(math.derivative(parsed, `x${i}`, { simplify: false })),
    );
    return {
      text: node.text,
      n,
      f: (x) => f(scopeOf(x)),
      partials: partials.map((d) => (x: ArrayLike<number>) => d(scopeOf(x))),
      roundingUnits: node.err,
    };
  });

const STENCIL = 1e-2; // f''' ≈ (f'(x+k) − 2f'(x) + f'(x−k)) / k²: k²·f⁽⁵⁾/12 error, ε·|f'|/k² rounding

/**
 * A conservative |f'''| near x along one coordinate, from the exact f' of the oracle: the
 * largest of three second-difference estimates at x and x ± k, doubled, plus 1. The factor
 * and the 1 absorb the stencil's k²·|f⁽⁵⁾|/12 error and f''' 's change across [x − h, x + h],
 * both small on these bounded domains (the ×100 runs are the check that they are).
 */
export function thirdDerivativeBound(df: (x: number) => number, x: number): number {
  const d = [-2, -1, 0, 1, 2].map((j) => df(x + j * STENCIL));
  let worst = 0;
  for (let j = 1; j <= 3; j++) {
    worst = Math.max(worst, Math.abs((d[j + 1] - 2 * d[j] + d[j - 1]) / STENCIL ** 2));
  }
  return 2 * worst + 1;
}
