// @mistake scales the step with x, h = 1e-4 · max(1, |x|), instead of the fixed h = 1e-4 (same result for |x| ≤ 1 and for quadratics, different elsewhere)
// @names step_size
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
  // a step relative to the size of x, so that x + h still differs from x for big x
  const h = H * Math.max(1, Math.abs(x));
  return (f(x + h) - f(x - h)) / (2 * h);
}
