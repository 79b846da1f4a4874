/**
 * @mistake divides the central difference by h instead of 2h, the distance between the two points
 * @caughtBy equals the slope a for every affine f(x) = a·x + b, and 0 for a constant
 * @diagnosis divide by 2h
 */
const H = 1e-4;

export function numericalDiff(f: (x: number) => number, x: number): number {
  return (f(x + H) - f(x - H)) / H;
}
