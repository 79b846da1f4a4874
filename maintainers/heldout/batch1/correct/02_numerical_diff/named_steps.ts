// @correct spells the central difference out in named intermediate values (the two sample points, the rise and the run = h + h) instead of one return expression
// @names none
// Exercise 02 · Numerical differentiation (book 4.3)
//
// The derivative of f at x, approximated by a central difference:
//
//   f'(x) ≈ (f(x + h) − f(x − h)) / 2h        h = 1e-4

const H = 1e-4; // central-difference step: h² truncation against ε/h rounding

/** f'(x) by the central difference (f(x + h) − f(x − h)) / 2h. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  const right = x + H;
  const left = x - H;
  const fRight = f(right);
  const fLeft = f(left);
  const rise = fRight - fLeft;
  const run = H + H; // the two points are 2h apart
  return rise / run;
}
