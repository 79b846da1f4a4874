// @mistake memoizes results in a module-level Map keyed by x alone, so a later call with a different f at an x already seen returns the earlier function's derivative
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

// the gradient code calls this a lot; remember what we already computed
const cache = new Map<number, number>();

/** f'(x) by the central difference (f(x + h) − f(x − h)) / 2h. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  const known = cache.get(x);
  if (known !== undefined) return known;
  const d = (f(x + H) - f(x - H)) / (2 * H);
  cache.set(x, d);
  return d;
}
