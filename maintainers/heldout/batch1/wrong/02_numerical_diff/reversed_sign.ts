// @mistake subtracts in the wrong order, (f(x − h) − f(x + h)) / 2h, so every derivative has the wrong sign
// @names reversed_difference
// Exercise 02 · Numerical differentiation (book 4.3)

const H = 1e-4; // central-difference step

/** f'(x) by the central difference over [x − h, x + h]. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  const left = f(x - H);
  const right = f(x + H);
  return (left - right) / (2 * H);
}
