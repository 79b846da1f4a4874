// Is a pool of numbers a sample of the standard normal? Three checks, each with a bound whose
// false-failure probability is stated, so a correct initializer fails less than once in 10⁷ runs:
//   mean      m ~ N(0, 1/n) exactly:           |m| ≤ 6/√n               P(false) = 2Φ(−6) ≈ 2e-9
//   variance  n·s² ~ χ²(n − 1) ≈ N(n, 2n):     |s² − 1| ≤ 6.5·√(2/n)    P(false) ≈ 1e-10, < 1e-8
//                                              with χ²'s heavier upper tail at n ≥ 1000
//   tail      c = #{|x| > 2} ~ Bin(n, p), p = P(|Z| > 2) = 0.0455; Chernoff bounds:
//             c ≥ 0.3·np fails w.p. ≤ exp(−0.7²·np/2), c ≤ 2·np w.p. ≤ exp(−np/3); both < 1e-8
//             once np ≥ 75, i.e. n ≥ 1650. A uniform draw of any scale, or a clipped one, has
//             the wrong tail even when its mean and variance are right.
import { fail } from '../../grader/law-error.ts';
import { formatNumber } from './format.ts';

export const MIN_POOL = 1650; // np ≥ 75 for the tail bounds above
const MEAN_SIGMAS = 6;
const VARIANCE_SIGMAS = 6.5;
const TAIL_CUT = 2;
const TAIL_P = 0.0455002638963584; // P(|Z| > 2) = erfc(2/√2)
const TAIL_LOW = 0.3; // Chernoff lower bound factor, η = 0.7
const TAIL_HIGH = 2; // Chernoff upper bound factor, η = 1

/** Fails, in the student's terms, unless `values` looks like n draws of N(0, 1). */
export function expectStandardNormal(values: ArrayLike<number>, what: string): void {
  const n = values.length;
  if (n < MIN_POOL) throw new Error(`spec: a pool of ${n} is too small for the stated bounds`);
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i];
  const mean = total / n;
  let squares = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    squares += (values[i] - mean) ** 2;
    if (Math.abs(values[i]) > TAIL_CUT) tail++;
  }
  const variance = squares / n;
  if (!(Math.abs(mean) <= MEAN_SIGMAS / Math.sqrt(n))) {
    fail(
      `${what}: the mean of ${n} draws is ${formatNumber(mean)}; N(0, 1) gives |mean| ≤ ${formatNumber(MEAN_SIGMAS / Math.sqrt(n))}`,
    );
  }
  const spread = VARIANCE_SIGMAS * Math.sqrt(2 / n);
  if (!(Math.abs(variance - 1) <= spread)) {
    fail(
      `${what}: the variance of ${n} draws is ${formatNumber(variance)}; N(0, 1) gives 1 ± ${formatNumber(spread)}`,
    );
  }
  const expected = n * TAIL_P;
  if (!(tail >= TAIL_LOW * expected && tail <= TAIL_HIGH * expected)) {
    fail(
      `${what}: ${tail} of ${n} draws lie beyond ±2; N(0, 1) puts about ${Math.round(expected)} there ` +
        `(allowed ${Math.ceil(TAIL_LOW * expected)} to ${Math.floor(TAIL_HIGH * expected)}). ` +
        `Is the draw uniform rather than normal?`,
    );
  }
}
