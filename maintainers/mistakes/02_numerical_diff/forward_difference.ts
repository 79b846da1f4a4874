/**
 * @mistake the forward difference (f(x + h) − f(x)) / h of the book's first attempt, O(h) not O(h²)
 * @caughtBy on f(x) = x³ it errs by exactly h² = 1e-8, as a central difference must, not by about 3x·h
 * @diagnosis forward (or backward) difference
 */
const H = 1e-4;

export function numericalDiff(f: (x: number) => number, x: number): number {
  return (f(x + H) - f(x)) / H;
}
