// @mistake writes (f(x + h) − f(x − h)) / 2 * H, which JavaScript reads as ((…) / 2)·h, so the result is f'(x)·h² ≈ 1e-8·f'(x) instead of f'(x), e.g. f = x² at x = 3 gives 6e-8 instead of 6
// @names times_h
const H = 1e-4; // central-difference step: h² truncation against ε/h rounding

/** f'(x) by the central difference (f(x + h) − f(x − h)) / 2h. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  return (f(x + H) - f(x - H)) / 2 * H;
}
