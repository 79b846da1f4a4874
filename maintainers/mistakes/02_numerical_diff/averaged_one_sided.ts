/**
 * @mistake averages the forward and backward differences: the same value, but f is called three times
 * @caughtBy calls f exactly twice, at x + h and at x − h
 * @diagnosis f is called more than twice
 */
const H = 1e-4;

export function numericalDiff(f: (x: number) => number, x: number): number {
  const fx = f(x);
  return ((f(x + H) - fx) / H + (fx - f(x - H)) / H) / 2;
}
