// @mistake uses the forward difference (f(x + h) − f(x)) / h instead of the central difference, so the result has an O(h) error (0.20000099999917254 instead of 0.1999999999990898 for the book's example) and f is called at x
// @names one_sided_difference
// Exercise 02 · Numerical differentiation (book 4.3)

const H = 1e-4; // step

/** f'(x) by a difference quotient. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  return (f(x + H) - f(x)) / H;
}
