// @mistake scales the step with x (h = 1e-4·|x|) instead of the fixed h = 1e-4, so at x = 0 it divides 0 by 0 and returns NaN, and elsewhere the value differs from the fixed-step difference
// @names step_size
// Exercise 02 · Numerical differentiation (book 4.3)

const H = 1e-4; // relative step size

/** f'(x) by a central difference with a step proportional to x. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  const h = H * Math.abs(x);
  return (f(x + h) - f(x - h)) / (2 * h);
}
