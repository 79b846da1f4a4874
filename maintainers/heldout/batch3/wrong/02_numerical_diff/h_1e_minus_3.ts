// @mistake sets the step to 10e-4 (= 1e-3, misreading 1e-4): exact for quadratics but calls f at x ± 0.001 and errs by h²·f'''/6 ≈ 1e-6 on cubics, e.g. f = x³ at x = 1 gives 3.000001 instead of 3.00000001
// @names step_size
const H = 10e-4; // 10⁻⁴

/** f'(x) by the central difference (f(x + h) − f(x − h)) / 2h. */
export function numericalDiff(f: (x: number) => number, x: number): number {
  return (f(x + H) - f(x - H)) / (2 * H);
}
