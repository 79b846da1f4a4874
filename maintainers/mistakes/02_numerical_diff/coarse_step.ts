/**
 * @mistake a central difference with h = 1e-2, coarse enough that its h²·f‴/6 error shows
 * @caughtBy agrees with the symbolic derivative from mathjs within the central-difference error bound
 * @diagnosis step other than h = 1e-4
 */
const H = 1e-2;

export function numericalDiff(f: (x: number) => number, x: number): number {
  return (f(x + H) - f(x - H)) / (2 * H);
}
