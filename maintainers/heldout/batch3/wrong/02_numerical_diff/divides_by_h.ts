// @mistake divides the central difference by h instead of 2h, so every derivative comes out doubled, e.g. f = x² at x = 3 gives 12 instead of 6
// @names denominator_h
const H = 1e-4; // central-difference step

/** f'(x) by the central difference. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  const up = f(x + H);
  const down = f(x - H);
  return (up - down) / H;
}
