// @mistake evaluates f(H − x) instead of f(x − H): right only when f is even (f(−u) = f(u), e.g. x² at 3 gives 6), wrong otherwise, e.g. f = 0.01x² + 0.1x at x = 5 gives 5000.1 instead of 0.2
// @names none
const H = 1e-4; // central-difference step

/** f'(x) by the central difference (f(x + h) − f(x − h)) / 2h. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  const plus = f(x + H);
  const minus = f(H - x);
  return (plus - minus) / (2 * H);
}
