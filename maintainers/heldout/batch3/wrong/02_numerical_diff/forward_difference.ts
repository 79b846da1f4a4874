// @mistake uses the forward difference (f(x + h) − f(x)) / h: calls f at x instead of x − h and errs by h·f''/2, e.g. f = x² at x = 3 gives 6.0001 instead of 6
// @names one_sided_difference
// Exercise 02 · Numerical differentiation (book 4.3)

const H = 1e-4;

/** f'(x) by a difference quotient. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  return (f(x + H) - f(x)) / H;
}
