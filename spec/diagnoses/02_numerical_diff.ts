// What a wrong numericalDiff does, seen from outside: a spy f records where it is called and
// what it returns, and the result is matched against the quotients those values allow. A
// mistake is named only when the result is that quotient, to rounding, on every probe.
import type * as Student from '@impl/02_numerical_diff';
import type { Suspect } from '../../grader/suspects.ts';
import { formatNumber } from '../support/format.ts';

type Impl = typeof Student;

const H = 1e-4;
// x³ away from 0, where a one-sided difference is off by about 3x·h, far beyond rounding
const PROBES = [1.5, -0.7, 2.3];
const cube = (t: number) => t * t * t;
const SAME = 1e-12; // a quotient recomputed from the same values differs only in rounding
const LAWS = ['book', 'affine', 'cube', 'calls', 'symbolic'];

interface Seen {
  x: number;
  calls: number[];
  result: number;
  /** f at `point`, if f was called there. */
  at(point: number): number | undefined;
}

function observe(impl: Impl, x: number): Seen {
  const calls: number[] = [];
  const result = impl.numericalDiff((t) => (calls.push(t), cube(t)), x);
  const at = (point: number) => (calls.some((c) => c === point) ? cube(point) : undefined);
  return { x, calls, result, at };
}

const near = (a: number, b: number | undefined) =>
  b !== undefined && Number.isFinite(a) && Math.abs(a - b) <= SAME * Math.max(Math.abs(b), 1e-300);
const show = (v: number) => formatNumber(v, 10);
const points = (s: Seen) => s.calls.map(show).join(' and ');

/** Evidence when `model` reproduces the result on every probe and the central difference does not. */
function quotient(
  impl: Impl,
  model: (s: Seen) => number | undefined,
  formula: string,
): string | undefined {
  const seen = PROBES.map((x) => observe(impl, x));
  const central = (s: Seen) => (cube(s.x + H) - cube(s.x - H)) / (2 * H);
  if (!seen.every((s) => near(s.result, model(s)) && !near(s.result, central(s)))) return;
  const s = seen[0];
  return (
    `at x = ${s.x} on f(x) = x³, f was called at ${points(s)}, and your ${show(s.result)} ` +
    `is ${formula}`
  );
}

export const suspects: Suspect<Impl>[] = [
  {
    key: 'one_sided_difference',
    explains: LAWS,
    probe(impl) {
      const forward = (s: Seen) => {
        const [up, mid] = [s.at(s.x + H), s.at(s.x)];
        return up === undefined || mid === undefined ? undefined : (up - mid) / H;
      };
      const backward = (s: Seen) => {
        const [mid, down] = [s.at(s.x), s.at(s.x - H)];
        return mid === undefined || down === undefined ? undefined : (mid - down) / H;
      };
      return (
        quotient(impl, forward, '(f(x + h) − f(x)) / h') ??
        quotient(impl, backward, '(f(x) − f(x − h)) / h')
      );
    },
    say:
      'a one-sided difference, whose error h·f″/2 shrinks only like h. The central difference ' +
      '(f(x + h) − f(x − h)) / 2h cancels that term and errs like h² (book 4.3.1)',
  },
  {
    key: 'denominator_h',
    explains: LAWS,
    probe: (impl) =>
      quotient(
        impl,
        (s) => {
          const [up, down] = [s.at(s.x + H), s.at(s.x - H)];
          return up === undefined || down === undefined ? undefined : (up - down) / H;
        },
        '(f(x + h) − f(x − h)) / h',
      ),
    say: 'x − h and x + h are 2h apart, so the difference is divided by 2h, not by h',
  },
  {
    key: 'times_h',
    explains: LAWS,
    probe: (impl) =>
      quotient(
        impl,
        (s) => {
          const [up, down] = [s.at(s.x + H), s.at(s.x - H)];
          return up === undefined || down === undefined ? undefined : ((up - down) / 2) * H;
        },
        '((f(x + h) − f(x − h)) / 2) · h',
      ),
    say:
      '`… / 2 * h` divides by 2 and then multiplies by h, as in the book’s Python: write ' +
      '`/ (2 * h)`',
  },
  {
    key: 'reversed_difference',
    explains: LAWS,
    probe: (impl) =>
      quotient(
        impl,
        (s) => {
          const [up, down] = [s.at(s.x + H), s.at(s.x - H)];
          return up === undefined || down === undefined ? undefined : (down - up) / (2 * H);
        },
        '(f(x − h) − f(x + h)) / 2h',
      ),
    say: 'the difference is the wrong way round: the upper value minus the lower, f(x + h) − f(x − h)',
  },
  {
    key: 'step_size',
    explains: LAWS,
    probe(impl) {
      const seen = PROBES.map((x) => observe(impl, x));
      const steps = seen.map((s) => {
        const [low, high] = [Math.min(...s.calls), Math.max(...s.calls)];
        const symmetric =
          s.calls.length === 2 && Math.abs(high - s.x - (s.x - low)) <= 1e-9 * (high - low);
        return symmetric ? (high - low) / 2 : undefined;
      });
      if (steps.some((step) => step === undefined || step === 0)) return;
      const off = steps.filter((step) => Math.abs(step! - H) > 1e-6 * H);
      if (off.length === 0) return;
      const where = seen.map((s, i) => `${formatNumber(steps[i]!, 4)} at x = ${s.x}`).join(', ');
      return `f was called at x ± s with s = ${where}`;
    },
    say: 'the book’s step is h = 1e-4 at every x: coarser and the h² error shows, finer and rounding takes over',
  },
  {
    key: 'tiny_step',
    explains: LAWS,
    probe(impl) {
      const s = observe(impl, PROBES[0]);
      if (!(s.calls.length >= 2 && s.calls.every((c) => c === s.x) && s.result === 0)) return;
      return (
        `at x = ${s.x}, f was called ${s.calls.length} times at x itself and your result is 0: ` +
        'x + h rounded back to x'
      );
    },
    say: 'the step is below the spacing of doubles near x (about 2.2e-16·|x|); the book’s h = 1e-4 balances truncation against rounding',
  },
  {
    key: 'same_point_twice',
    explains: LAWS,
    probe(impl) {
      const s = observe(impl, PROBES[0]);
      if (!(s.calls.length === 2 && s.calls[0] === s.calls[1] && s.calls[0] !== s.x)) return;
      return `at x = ${s.x}, f was called twice at ${show(s.calls[0])} and your result is ${show(s.result)}`;
    },
    say: 'the two values must come from the two sides of x: f(x + h) and f(x − h)',
  },
  {
    key: 'extra_call',
    explains: ['calls'],
    probe(impl) {
      const seen = PROBES.map((x) => observe(impl, x));
      const right = (s: Seen) =>
        s.calls.length > 2 &&
        s.at(s.x + H) !== undefined &&
        s.at(s.x - H) !== undefined &&
        Math.abs(s.result - (cube(s.x + H) - cube(s.x - H)) / (2 * H)) <= 1e-9;
      if (!seen.every(right)) return;
      return `your values are right, but at x = ${seen[0].x} f was called ${seen[0].calls.length} times: at ${points(seen[0])}`;
    },
    say: 'the central difference needs only f(x + h) and f(x − h); drop the other calls (f may be costly, as a network’s loss is)',
  },
];
