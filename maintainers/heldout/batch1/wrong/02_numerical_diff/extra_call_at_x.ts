// @mistake also calls f(x) to check that f is finite there before differencing, but the header allows f to be called only at x + h and x − h (an f undefined or throwing at x breaks it, and f is called three times)
// @names extra_call
// Exercise 02 · Numerical differentiation (book 4.3)

const H = 1e-4; // central-difference step

/** f'(x) by the central difference (f(x + h) − f(x − h)) / 2h. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  const fx = f(x);
  if (!Number.isFinite(fx)) {
    throw new Error(`numericalDiff: f(${x}) = ${fx} is not finite`);
  }
  return (f(x + H) - f(x - H)) / (2 * H);
}
