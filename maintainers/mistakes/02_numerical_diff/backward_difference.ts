/**
 * @mistake the backward difference (f(x) − f(x − h)) / h, one-sided like the forward one
 * @caughtBy numericalDiff reproduces the book: 0.1999999999990898 at x = 5 and 0.2999999999986347 at x = 10
 * @diagnosis forward (or backward) difference
 */
const H = 1e-4;

export function numericalDiff(f: (x: number) => number, x: number): number {
  return (f(x) - f(x - H)) / H;
}
