// Exercise 02 · Numerical differentiation (book 4.3)
//
// The derivative of f at x, approximated by a central difference:
//
//   f'(x) ≈ (f(x + h) − f(x − h)) / 2h        h = 1e-4
//
// The error is O(h²) (truncation, h²·f'''/6) plus O(ε/h) (rounding in the difference), so h
// is neither tiny nor coarse. A forward difference (f(x + h) − f(x)) / h is only O(h).
// f: a function of one number; x: a number → a number. f is called at x + h and x − h only.

const H = 1e-4; // central-difference step: h² truncation against ε/h rounding

/** f'(x) by the central difference (f(x + h) − f(x − h)) / 2h. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  return (f(x + H) - f(x - H)) / (2 * H);
}
