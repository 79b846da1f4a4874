// @correct factors the formula into a generic centralDifference(f, x, step) helper that validates its step, evaluates the left point first and the right point second, and numericalDiff just passes h = 1e-4
// @names none
const H = 1e-4; // central-difference step: h² truncation against ε/h rounding

function centralDifference(f: (x: number) => number, x: number, step: number): number {
  if (!(step > 0)) throw new Error(`centralDifference: step ${step} must be positive`);
  const left = f(x - step);
  const right = f(x + step);
  const width = 2 * step;
  return (right - left) / width;
}

/** f'(x) by the central difference (f(x + h) − f(x − h)) / 2h. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  return centralDifference(f, x, H);
}
