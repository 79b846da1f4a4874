// @correct computes the derivative from a table of (offset, weight) stencil pairs folded with reduce, which gives the same f calls and the same bits as the direct formula
// @names none
// Exercise 02 · Numerical differentiation (book 4.3)
//
// The derivative of f at x, approximated by a central difference:
//
//   f'(x) ≈ (f(x + h) − f(x − h)) / 2h        h = 1e-4
//
// Its error is h²·f'''/6 from the formula plus about ε·|f|/h from rounding, so h is neither
// tiny nor coarse. A forward difference (f(x + h) − f(x)) / h errs by h·f''/2, far more.
//
// - f takes a number and returns a number; x is a number; the result is a number.
// - f is called exactly twice: once at x + h and once at x − h.

const H = 1e-4; // central-difference step: h² truncation against ε/h rounding

// the central difference as a stencil: f at x + o·h, weighted, summed, over 2h
const STENCIL: ReadonlyArray<readonly [offset: number, weight: number]> = [
  [+1, +1],
  [-1, -1],
];

/** f'(x) by the central difference (f(x + h) − f(x − h)) / 2h. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  const numerator = STENCIL.reduce((acc, [offset, weight]) => acc + weight * f(x + offset * H), 0);
  return numerator / (2 * H);
}
