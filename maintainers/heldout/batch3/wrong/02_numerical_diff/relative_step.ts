// @mistake scales the step to the size of x (h = 1e-4·|x|) instead of the fixed h = 1e-4: at x = 0 the step is 0 and the result is NaN, and elsewhere f is called at x(1 ± 1e-4), e.g. f = x³ at x = 10 errs by ~1e-6 instead of ~1e-8
// @names step_size
const REL = 1e-4; // step relative to x, so large x get a large enough step

export function numericalDiff(f: (x: number) => number, x: number): number {
  const h = REL * Math.abs(x);
  return (f(x + h) - f(x - h)) / (2 * h);
}
