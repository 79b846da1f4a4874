/**
 * @mistake h = 1e-50, "as small as possible": x + h rounds back to x and the difference is 0
 * @caughtBy equals the slope a for every affine f(x) = a·x + b, and 0 for a constant
 * @diagnosis rounding wins
 */
const H = 1e-50;

export function numericalDiff(f: (x: number) => number, x: number): number {
  return (f(x + H) - f(x - H)) / (2 * H);
}
