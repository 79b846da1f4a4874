// @correct evaluates f over the two points [x + h, x − h] with Array.map and folds them with a signed-weights reduce, rather than writing the two calls inline
// @names none
// Exercise 02 · Numerical differentiation (book 4.3)
//   f'(x) ≈ (f(x + h) − f(x − h)) / 2h        h = 1e-4

const H = 1e-4;
const POINTS: ReadonlyArray<readonly [offset: number, sign: number]> = [
  [+H, +1],
  [-H, -1],
];

/** f'(x) by the central difference (f(x + h) − f(x − h)) / 2h. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  const values = POINTS.map(([offset]) => f(x + offset));
  const diff = values.reduce((acc, v, i) => acc + POINTS[i][1] * v, 0);
  return diff / (2 * H);
}
