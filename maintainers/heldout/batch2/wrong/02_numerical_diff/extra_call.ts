// @mistake calls f a third time, at x itself, to check that f returns a finite number, so f is called three times instead of exactly twice (the value is right)
// @names extra_call
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

/** f'(x) by the central difference (f(x + h) − f(x − h)) / 2h. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  if (!Number.isFinite(f(x))) {
    throw new Error(`numericalDiff: f(${x}) is not a finite number`);
  }
  return (f(x + H) - f(x - H)) / (2 * H);
}
