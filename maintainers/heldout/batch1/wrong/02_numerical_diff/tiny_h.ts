// @mistake uses h = 1e-50 (the "as small as possible" step the book warns against), so x ± h rounds to x and the result is 0 for most x
// @names step_size, tiny_step
// Exercise 02 · Numerical differentiation (book 4.3)

const h = 1e-50; // a very small step for a better limit

export function numericalDiff(f: (x: number) => number, x: number): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}
