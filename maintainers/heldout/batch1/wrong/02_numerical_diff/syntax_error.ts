// @mistake does not parse: the function body is missing its closing brace (a TypeScript/JavaScript syntax error), so the module cannot load at all
// @names none
// Exercise 02 · Numerical differentiation (book 4.3)

const H = 1e-4; // central-difference step

/** f'(x) by the central difference (f(x + h) − f(x − h)) / 2h. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  const fxh1 = f(x + H);
  const fxh2 = f(x - H);
  if (Number.isNaN(fxh1) || Number.isNaN(fxh2)) {
    return NaN;
  return (fxh1 - fxh2) / (2 * H);
}
