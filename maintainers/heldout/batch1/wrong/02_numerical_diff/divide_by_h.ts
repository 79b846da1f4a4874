// @mistake divides the central difference by h instead of 2h (the distance between x − h and x + h), so every derivative comes out twice too large
// @names denominator_h
// Exercise 02 · Numerical differentiation (book 4.3)

const H = 1e-4; // central-difference step

/** f'(x) by the central difference. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  const fxh1 = f(x + H);
  const fxh2 = f(x - H);
  return (fxh1 - fxh2) / H;
}
