// @correct a generic centralDifference(f, x, h) helper with the step as a parameter, exported through an arrow-function const; f(x − h) is evaluated before f(x + h)
// @names none
// Exercise 02 · Numerical differentiation (book 4.3)

const H = 1e-4; // central-difference step

function centralDifference(f: (x: number) => number, x: number, h: number): number {
  const below = f(x - h);
  const above = f(x + h);
  return (above - below) / (2 * h);
}

/** f'(x) by the central difference (f(x + h) − f(x − h)) / 2h. */
export const numericalDiff = (f: (x: number) => number, x: number): number =>
  centralDifference(f, x, H);
