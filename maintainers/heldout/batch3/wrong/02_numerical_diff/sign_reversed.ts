// @mistake subtracts the other way round, (f(x − h) − f(x + h)) / 2h, so every derivative has the wrong sign, e.g. f = x² at x = 3 gives −6 instead of 6 (0 stays 0)
// @names reversed_difference
const H = 1e-4;

export function numericalDiff(f: (x: number) => number, x: number): number {
  const left = f(x - H);
  const right = f(x + H);
  return (left - right) / (2 * H);
}
