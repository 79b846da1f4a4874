// What a wrong numericalGradient does, seen from outside: a spy f records every call (which
// elements stood moved, by how much, whether f was handed x itself, what x itself held) and
// the result is matched against the quotients those calls allow. A mistake is named only on
// a direct observation, or when the result is that quotient, to rounding, at every element.
import type * as Student from '@impl/03_numerical_gradient';
import type { Suspect } from '../../grader/suspects.ts';
import { NDArray } from '../../src/index.ts';
import { format, formatNumber, formatPair } from '../support/format.ts';
import { far, observeGradient, type Call, type Seen } from '../support/gradient.ts';

type Impl = typeof Student;

const H = 1e-4;
const SAME = 1e-9; // a quotient recomputed from the same values of f differs only in rounding
const ULPS = 4 * Number.EPSILON; // a value put back by arithmetic lands within a few ulps
const LAWS = ['book', 'non_separable', 'symbolic', 'one_at_a_time', 'restores', 'closure', 'shape'];
// f = Σ (k+1)·x_k³: slopes differ between elements and a one-sided difference is off by
// 3(k+1)·x_k·h, far beyond rounding; at 2.3, −2.7, 3.3 and 2.9, x + h − 2h + h is not x
const cubic = (v: Float64Array) => v.reduce((s, t, k) => s + (k + 1) * t * t * t, 0);
const matrix = () => new NDArray(Float64Array.of(1.5, -2.7, 2.3, 0.9, -1.2, 3.3), [2, 3]);
const vector = () => new NDArray(Float64Array.of(2.9, -0.7, 1.1, -1.6), [4]);
const scalar = () => new NDArray(Float64Array.of(1.7), []);

const near = (a: number, b: number | undefined) =>
  b !== undefined && Math.abs(a - b) <= SAME * Math.abs(b) + 1e-300;
const observe = (impl: Impl, make: () => NDArray) =>
  observeGradient((f, x) => impl.numericalGradient(f, x), make(), cubic);
const show = (v: number) => formatNumber(v, 10);
const values = (s: Seen) => (s.result instanceof NDArray ? s.result.data : undefined);
const diff = (a: number | undefined, b: number | undefined, over: number) =>
  a === undefined || b === undefined ? undefined : (a - b) / over;
const central = (s: Seen, i: number) => diff(s.at(i, 1), s.at(i, -1), 2 * H);
/** a is b moved by +h or −h, to the rounding of either addition. */
const shiftedByH = (a: number, b: number) => Math.abs(Math.abs(a - b) - H) <= SAME;

/** Evidence when `model` gives every element of the result on both probes and central does not. */
function quotient(impl: Impl, model: (s: Seen, i: number) => number | undefined, formula: string) {
  const seen = [matrix, vector].map((make) => observe(impl, make));
  const fits = (s: Seen) => {
    const r = values(s);
    if (!r || r.length !== s.x.size) return false;
    return [...r.keys()].every((i) => near(r[i], model(s, i)) && !near(r[i], central(s, i)));
  };
  if (!seen.every(fits)) return undefined;
  const r = values(seen[0])!;
  return (
    `on x = ${format(seen[0].x)} and f(x) = Σ (k+1)·x_k³, your gradient[0] = ${show(r[0])} ` +
    `is ${formula}, and so is every other element`
  );
}

export const suspects: Suspect<Impl>[] = [
  {
    key: 'moves_a_copy',
    explains: LAWS,
    probe(impl) {
      const s = observe(impl, matrix);
      const untouched = (c: Call) => !c.isX && c.x.every((v, k) => Object.is(v, s.x.data[k]));
      if (!s.calls.length || !s.calls.every(untouched)) return;
      if (!s.calls.some((c) => far(c, s.x.data).length > 0)) return;
      return `f was called ${s.calls.length} times, never with x itself, and x never changed while f ran: the elements moved were another array's`;
    },
    say: 'move the elements of x itself: f may read x through a closure and ignore its argument, as the book’s lambda W: net.loss(x, t) does (book 4.4.2)',
  },
  {
    key: 'left_moved',
    explains: LAWS,
    probe(impl) {
      // an element still at saved ± h; x changed otherwise (shared memory) has another cause
      const s = observe(impl, matrix);
      const before = s.x.data;
      const k = [...s.after.keys()].find((j) => shiftedByH(s.after[j], before[j]));
      if (k !== undefined) {
        return `on return x[${k}] is ${show(s.after[k])}, where it was ${show(before[k])}`;
      }
      const alone = new Set<number>();
      for (const [n, c] of s.calls.entries()) {
        const moved = far(c, before);
        if (moved.length === 1) alone.add(moved[0]);
        const isStale = (j: number) => alone.has(j) && shiftedByH(c.arg[j], before[j]);
        const stale = moved.length > 1 ? moved.find(isStale) : undefined;
        if (stale !== undefined) {
          const other = moved.find((j) => j !== stale)!;
          return `call ${n + 1} of f saw x[${stale}] still at ${show(c.arg[stale])} (it was ${show(before[stale])}) while x[${other}] was moved`;
        }
      }
    },
    say: 'after the two calls for element i, write its saved value back (x.data[i] = saved) before moving the next one, or every later partial derivative is taken at a shifted point',
  },
  {
    key: 'restored_by_arithmetic',
    explains: LAWS,
    probe(impl) {
      for (const s of [matrix, vector].map((make) => observe(impl, make))) {
        const before = s.x.data;
        const off = [...before.keys()].filter((j) => !Object.is(s.after[j], before[j]));
        const tiny = (j: number) => Math.abs(s.after[j] - before[j]) <= ULPS * Math.abs(before[j]);
        if (off.length === 0 || !off.every(tiny)) continue;
        const [was, is] = formatPair(before[off[0]], s.after[off[0]], 0);
        return `x[${off[0]}] was ${was} before the call and is ${is} after it, a few ulps away`;
      }
    },
    say: 'x was put back by arithmetic (in floating point, x + h − 2h + h is not always x): save the value and write it back, x.data[i] = saved, so x returns bit for bit',
  },
  {
    key: 'one_sided_difference',
    explains: LAWS,
    probe: (impl) =>
      quotient(impl, (s, i) => diff(s.at(i, 1), s.at(-1), H), '(f(x + h·e₀) − f(x)) / h') ??
      quotient(impl, (s, i) => diff(s.at(-1), s.at(i, -1), H), '(f(x) − f(x − h·e₀)) / h'),
    say: 'a one-sided difference errs like h; the central difference (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h errs like h² (book 4.3.1)',
  },
  {
    key: 'second_point_at_x',
    explains: LAWS,
    probe: (impl) =>
      quotient(impl, (s, i) => diff(s.at(i, 1), s.at(-1), 2 * H), '(f(x + h·e₀) − f(x)) / 2h'),
    say: 'the second point was x itself, not x − h·eᵢ: set x.data[i] = saved − h from the saved value (subtracting h from saved + h only lands back on saved)',
  },
  {
    key: 'denominator_h',
    explains: LAWS,
    probe: (impl) =>
      quotient(impl, (s, i) => diff(s.at(i, 1), s.at(i, -1), H), '(f(x + h·e₀) − f(x − h·e₀)) / h'),
    say: 'x − h·eᵢ and x + h·eᵢ are 2h apart, so the difference is divided by 2h, not by h',
  },
  {
    key: 'times_h',
    explains: LAWS,
    probe: (impl) =>
      quotient(
        impl,
        (s, i) => diff(s.at(i, 1), s.at(i, -1), 2 / H),
        '((f(x + h·e₀) − f(x − h·e₀)) / 2) · h',
      ),
    say: '`… / 2 * h` divides by 2 and then multiplies by h, as in the book’s Python: write `/ (2 * h)`',
  },
  {
    key: 'reversed_difference',
    explains: LAWS,
    probe: (impl) =>
      quotient(
        impl,
        (s, i) => diff(s.at(i, -1), s.at(i, 1), 2 * H),
        '(f(x − h·e₀) − f(x + h·e₀)) / 2h',
      ),
    say: 'the difference is the wrong way round: f(x + h·eᵢ) − f(x − h·eᵢ), the upper value minus the lower',
  },
  {
    key: 'skips_elements',
    explains: LAWS,
    probe(impl) {
      for (const s of [matrix, scalar].map((make) => observe(impl, make))) {
        const moved = new Set(s.calls.flatMap((c) => far(c, s.x.data)));
        const r = values(s);
        const skipped = [...s.x.data.keys()].filter((i) => !moved.has(i) && r?.[i] === 0);
        if (skipped.length === 0) continue;
        const shape = `x of shape (${s.x.shape.join(', ')})`;
        if (moved.size === 0) return `for ${shape}, f was never called and your gradient is 0`;
        const first = s.x.shape[0] === moved.size ? `, as many as x.shape[0] = ${moved.size}` : '';
        return `for ${shape}, f was called with only elements ${[...moved].join(', ')} moved${first}; the gradient of elements ${skipped.join(', ')} is 0`;
      }
    },
    say: 'visit every element: loop over the flat index, for (let i = 0; i < x.size; i++), whatever the shape (a 0-d x has one element)',
  },
  {
    key: 'extra_calls',
    explains: LAWS,
    probe(impl) {
      const seen = [matrix, vector].map((make) => observe(impl, make));
      const right = (s: Seen) => {
        const r = values(s);
        return r?.length === s.x.size && [...r.keys()].every((i) => near(r[i], central(s, i)));
      };
      if (!seen.every((s) => right(s) && s.calls.length > 2 * s.x.size)) return;
      const s = seen[0];
      const still = s.calls.filter((c) => far(c, s.x.data).length === 0).length;
      return `your values are right, but f was called ${s.calls.length} times for x of size ${s.x.size}${still ? `, ${still} of them with no element moved` : ''}`;
    },
    say: 'f is called exactly twice per element, at saved + h and saved − h: check the loop bound (i < x.size) and drop any other call of f',
  },
  {
    key: 'step_size',
    explains: LAWS,
    probe(impl) {
      const s = observe(impl, matrix);
      const steps = s.calls.flatMap((c) =>
        far(c, s.x.data).map((k) => Math.abs(c.arg[k] - s.x.data[k])),
      );
      if (steps.length === 0 || steps.some((d) => Math.abs(d - H) <= 1e-6 * H)) return;
      const seen = [...new Set(steps.map((d) => formatNumber(d, 4)))].slice(0, 3).join(', ');
      return `f saw the elements of x moved by ±${seen}, never by h = 1e-4`;
    },
    say: 'the book’s step is h = 1e-4 at every element: x.data[i] = saved ± h',
  },
  {
    key: 'shares_memory',
    explains: LAWS,
    probe(impl) {
      const x = matrix();
      const result = impl.numericalGradient((v) => cubic(v.data), x);
      if (result === x) return 'your result is x itself';
      if (result instanceof NDArray && result.data.buffer === x.data.buffer)
        return 'your result holds its values in x’s own data';
    },
    say: 'the result is a new array that holds the gradient (grad = zerosLike(x), filled, then return grad), never x or an array that shares x’s data',
  },
  {
    key: 'flat_result',
    explains: LAWS,
    probe(impl) {
      const s = observe(impl, matrix);
      const r = s.result;
      if (!(r instanceof NDArray) || r.size !== 6 || r.shape.join() === '2,3') return;
      if (![...r.data.keys()].every((i) => near(r.data[i], central(s, i)))) return;
      return `for x of shape (2, 3) your gradient has the right values in shape (${r.shape.join(', ')})`;
    },
    say: 'return the gradient in x’s shape: zerosLike(x) makes an array of it',
  },
];
