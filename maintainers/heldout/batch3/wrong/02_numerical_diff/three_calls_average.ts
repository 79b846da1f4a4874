// @mistake averages the forward and backward differences, ((f(x+h) − f(x))/h + (f(x) − f(x−h))/h) / 2: the same value up to rounding, but f is called three times (also at x itself) instead of exactly twice at x ± h
// @names extra_call
// Exercise 02 · Numerical differentiation (book 4.3)
const H = 1e-4;

/** f'(x) as the mean of the forward and the backward difference. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  const fx = f(x);
  const forward = (f(x + H) - fx) / H;
  const backward = (fx - f(x - H)) / H;
  return (forward + backward) / 2;
}
