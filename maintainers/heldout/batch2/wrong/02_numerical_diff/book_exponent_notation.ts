// @mistake writes h as 10e-4, copying the book's 10e-50 notation, which is 1e-3 and not 1e-4 (exact anyway for quadratics, off for cubics and beyond)
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

const H = 10e-4; // 0.0001, written like the book's 10e-50

/** f'(x) by the central difference (f(x + h) − f(x − h)) / 2h. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  return (f(x + H) - f(x - H)) / (2 * H);
}
