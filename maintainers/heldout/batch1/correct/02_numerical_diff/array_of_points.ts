// @correct evaluates f over an array of the two offsets [+h, −h] with map and combines the results, rather than two explicit calls
// @names none
// Exercise 02 · Numerical differentiation (book 4.3)

const H = 1e-4;

export function numericalDiff(f: (x: number) => number, x: number): number {
  const [fPlus, fMinus] = [x + H, x - H].map((p) => f(p));
  return (fPlus - fMinus) / (2 * H);
}
