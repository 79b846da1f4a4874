// @mistake writes the denominator as / 2 * H without parentheses, which divides by 2 and then multiplies by h, so the result is f'·h² (about 1e-8 times the derivative) instead of f'
// @names times_h
// Exercise 02 · Numerical differentiation (book 4.3)
//
// The derivative of f at x, approximated by a central difference:
//
//   f'(x) ≈ (f(x + h) − f(x − h)) / 2h        h = 1e-4

const H = 1e-4; // central-difference step: h² truncation against ε/h rounding

/** f'(x) by the central difference (f(x + h) − f(x − h)) / 2h. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  return (f(x + H) - f(x - H)) / 2 * H;
}
