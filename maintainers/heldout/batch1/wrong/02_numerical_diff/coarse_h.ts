// @mistake uses h = 1e-2 instead of 1e-4: exact up to rounding for quadratics like the book's 0.01x² + 0.1x, but off by h²·f'''/6 elsewhere (12.0001 instead of 12.00000001 for x³ at 2)
// @names step_size
// Exercise 02 · Numerical differentiation (book 4.3)
//
// The derivative of f at x, approximated by a central difference:
//
//   f'(x) ≈ (f(x + h) − f(x − h)) / 2h

const h = 0.01; // small enough

/** f'(x) by the central difference (f(x + h) − f(x − h)) / 2h. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}
