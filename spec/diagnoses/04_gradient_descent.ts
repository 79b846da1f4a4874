// What a wrong gradientDescent does, seen from outside: a spy bowl f(x) = a·Σx² records where
// f was called, and the result is matched against models replayed with src's gradient: how far
// one step moved x along ∇f, how many steps the result is, where the gradient was taken. A
// mistake is named only on a direct observation or when a model gives the result to rounding.
import type * as Student from '@impl/04_gradient_descent';
import type { Suspect } from '../../grader/suspects.ts';
import { NDArray } from '../../src/index.ts';
import { bowl, gradientAt, observeDescent, trajectory, type Seen } from '../support/descent.ts';
import { formatNumber } from '../support/format.ts';

type Impl = typeof Student;

const H = 1e-4;
const SAME = 1e-9; // a model replayed with the same gradients differs from it only in rounding
// prettier-ignore
const ALL = ['converges', 'creeps', 'freezes', 'closed_form', 'stability', 'monotone', 'pure', 'steps', 'defaults'];
const vec = (...v: number[]) => new NDArray(Float64Array.from(v), [v.length]);
// three one-step probes: two lrs from one x0, and a (2, 2) x0 of another size and curvature
const ONE_STEP = [
  { a: 1, x0: vec(3, -4), lr: 0.05 },
  { a: 1, x0: vec(3, -4), lr: 0.2 },
  { a: 0.5, x0: new NDArray(Float64Array.of(1, -2, 0.5, 3), [2, 2]), lr: 0.1 },
];

/** An array as a student writes it, [3, -4]; the laws' own messages show shapes. */
const format = (x: unknown) =>
  x instanceof NDArray
    ? `[${Array.from(x.data, (v) => formatNumber(v, 10)).join(', ')}]`
    : String(x);
const near = (p: number, q: number) => Math.abs(p - q) <= SAME * Math.abs(q) + 1e-300;
const values = (s: Seen) => (s.result instanceof NDArray ? s.result.data : undefined);
const observe = (impl: Impl, a: number, x0: NDArray, lr?: number, n?: number) =>
  observeDescent((...args) => impl.gradientDescent(...args), a, x0, lr, n);
const run = (s: Seen) => `lr = ${s.lr} from ${format(s.x0)} on f(x) = ${s.a}·Σx²`;

const matches = (r: ArrayLike<number> | undefined, model: ArrayLike<number>) =>
  r !== undefined && r.length === model.length && Array.from(r).every((v, j) => near(v, model[j]));

/** κ when one step moved every element by κ·lr·∇f(x0), to rounding; else undefined. */
function kappa(s: Seen): number | undefined {
  const [r, g] = [values(s), gradientAt(s.a, s.x0)];
  if (!r || r.length !== g.length) return undefined;
  const k = (s.x0.data[0] - r[0]) / (s.lr! * g[0]);
  return [...g.keys()].every((j) => near(s.x0.data[j] - r[j], k * s.lr! * g[j])) ? k : undefined;
}
const oneStep = (impl: Impl) => ONE_STEP.map(({ a, x0, lr }) => observe(impl, a, x0, lr, 1));

export const suspects: Suspect<Impl>[] = [
  {
    key: 'ascent',
    explains: ALL,
    probe(impl) {
      const seen = oneStep(impl);
      if (!seen.every((s) => kappa(s) !== undefined && near(kappa(s)!, -1))) return;
      return `one step with ${run(seen[0])} gave ${format(seen[0].result)}, which is x + lr·∇f(x)`;
    },
    say: 'the gradient points uphill: descent steps against it, x ← x − lr·∇f(x) (book 4.4.1)',
  },
  {
    key: 'ignores_lr',
    explains: ALL,
    probe(impl) {
      const [p, q] = oneStep(impl);
      const [r, moved] = [values(p), values(q)];
      if (!r || !matches(r, moved ?? []) || matches(r, p.x0.data)) return;
      return `one step from ${format(p.x0)} on f(x) = Σx² gave ${format(p.result)} with lr = ${p.lr} and the same with lr = ${q.lr}`;
    },
    say: 'each step moves x by the lr it is given: x ← x − lr·∇f(x), with the lr argument',
  },
  {
    key: 'step_scaled',
    explains: ALL,
    probe(impl) {
      const ks = oneStep(impl).map(kappa);
      const k = ks[0];
      const usual = (v: number) => Math.abs(v) < 1e-6 || near(v, 1) || near(v, -1);
      if (k === undefined || usual(k) || !ks.every((v) => v !== undefined && near(v, k))) return;
      return `one step moved x by ${formatNumber(k)}·lr·∇f(x), with lr = ${ONE_STEP.map((p) => p.lr).join(', ')} alike`;
    },
    say: 'a step moves x by exactly lr·∇f(x): no extra factor',
  },
  {
    key: 'divides_by_size',
    explains: ALL,
    probe(impl) {
      const seen = oneStep(impl);
      if (!seen.every((s) => kappa(s) !== undefined && near(kappa(s)!, 1 / s.x0.size))) return;
      return `one step moved x by lr·∇f(x)/2 for x of size 2 and by lr·∇f(x)/4 for x of size 4`;
    },
    say: 'a step moves every element by lr times its own partial derivative, not divided by x.size: there is no batch to average over here',
  },
  {
    key: 'shortened_step',
    explains: ALL,
    probe(impl) {
      const small = observe(impl, 1, vec(0.3, -0.4), 0.001, 1);
      const large = observe(impl, 1, vec(30, -40), 0.5, 1);
      if (kappa(small) === undefined || !near(kappa(small)!, 1)) return;
      const [r, g] = [values(large), gradientAt(1, large.x0)];
      if (!r || r.length !== 2) return;
      const moved = [0, 1].map((j) => (large.x0.data[j] - r[j]) / (0.5 * g[j]));
      if (!moved.every((m) => m >= 0 && m < 1 - 1e-6)) return;
      const length = Math.hypot(large.x0.data[0] - r[0], large.x0.data[1] - r[1]);
      return `a step of lr·|∇f| = 0.001 was taken whole, but one with ${run(large)} moved x by ${formatNumber(length)}, where lr·|∇f| = 50`;
    },
    say: 'do not clip or normalise the step: x ← x − lr·∇f(x) as it is, so a too-large lr diverges, as the book shows with lr = 10',
  },
  {
    key: 'stale_gradient',
    explains: ALL,
    probe(impl) {
      const seen = [
        observe(impl, 0.5, vec(3, -4), 0.1, 3),
        observe(impl, 1, vec(1, 2, -2), 0.05, 2),
      ];
      for (const s of seen) {
        const g = gradientAt(s.a, s.x0);
        const stale = s.x0.data.map((v, j) => v - s.n! * s.lr! * g[j]);
        if (
          !matches(values(s), stale) ||
          matches(values(s), trajectory(s.a, s.x0, s.lr!, s.n!)[s.n!])
        )
          return;
      }
      return `3 steps with ${run(seen[0])} gave ${format(seen[0].result)}, which is initX − 3·lr·∇f(initX): every step used the gradient at initX`;
    },
    say: 'take the gradient anew in every step, at the x that step starts from: grad = numericalGradient(f, x) inside the loop, after the previous update',
  },
  {
    key: 'step_count',
    explains: ALL,
    probe(impl) {
      const seen = [observe(impl, 0.5, vec(3, -4), 0.1, 3), observe(impl, 1, vec(-3, 4), 0.1, 100)];
      const found = seen.map((s) => {
        const xs = trajectory(s.a, s.x0, s.lr!, 2 * s.n! + 2);
        const per = 2 * s.x0.size;
        return xs.findIndex(
          (x, k) => matches(values(s), x) && [k, k + 1].includes(s.calls.length / per),
        );
      });
      const off = found.findIndex((k, i) => k >= 0 && k !== seen[i].n);
      if (off < 0 || found.some((k) => k < 0)) return;
      const s = seen[off];
      return `with stepNum = ${s.n} and ${run(s)}, your result is x after ${found[off]} steps, and f was called ${s.calls.length} times`;
    },
    say: 'loop exactly stepNum times, for (let i = 0; i < stepNum; i++), with no early stop: a step whose gradient is tiny still counts',
  },
  {
    key: 'aliases_init_x',
    explains: ALL,
    probe(impl) {
      const x0 = vec(3, -4);
      const result = impl.gradientDescent(bowl(1), x0, 0.05, 2);
      if (result === x0) return 'your result is initX itself';
      if (x0.data[0] !== 3 || x0.data[1] !== -4) {
        return `2 steps on f(x) = Σx² changed initX from [3, -4] to ${format(x0)}`;
      }
      const zero = vec(3, -4);
      const same = impl.gradientDescent(bowl(1), zero, 0.05, 0);
      if (same === zero || (same instanceof NDArray && same.data.buffer === zero.data.buffer))
        return 'with stepNum = 0 your result is initX itself';
    },
    say: 'start from a copy, x = copy(initX), so that initX is never written to and the result is a new array: the book’s x = init_x makes x the very same array as initX',
  },
  {
    key: 'calls_elsewhere',
    explains: ALL,
    probe(impl) {
      for (const s of [
        observe(impl, 1, vec(3, -4), 0.05, 1),
        observe(impl, 1, vec(30, -40), 0.05, 1),
      ]) {
        const x0 = s.x0.data;
        for (const [n, call] of s.calls.slice(0, 2 * x0.length).entries()) {
          const moved = [...call.keys()].filter((j) => call[j] !== x0[j]);
          const delta = moved.length === 1 ? call[moved[0]] - x0[moved[0]] : 0;
          if (moved.length === 1 && Math.abs(Math.abs(delta) - H) <= 1e-12) continue;
          const what =
            moved.length === 0
              ? 'initX itself'
              : moved.length > 1
                ? `${format(new NDArray(call, [2]))}, with ${moved.length} elements moved`
                : `x[${moved[0]}] moved by ${formatNumber(delta)}`;
          return `in one step with ${run(s)}, call ${n + 1} of f was at ${what}, where src's numericalGradient calls f at x ± h·eᵢ, h = 1e-4`;
        }
      }
    },
    say: 'take each step’s gradient with src’s numericalGradient(f, x), which calls f at x ± h·eᵢ, twice per element; nothing else calls f',
  },
  {
    key: 'wrong_default',
    explains: ['defaults'],
    probe(impl) {
      const x0 = vec(3);
      const given = observe(impl, 0.25, x0, 0.01, 100);
      const right = trajectory(0.25, x0, 0.01, 100)[100];
      const auto = observe(impl, 0.25, x0);
      const r = values(auto);
      if (!matches(values(given), right) || !r || r.length !== 1 || matches(r, right)) return;
      const steps = auto.calls.length / 2;
      const lr = 2 * (1 - (r[0] / 3) ** (1 / steps)); // (1 − 2·0.25·lr)^steps·3 = r
      const took =
        Number.isInteger(steps) && steps > 0 && r[0] > 0
          ? `${steps} steps of lr = ${formatNumber(lr, 4)}`
          : `${auto.calls.length} calls of f`;
      return `gradientDescent(f, [3]) on f(x) = 0.25·x² made ${took}, though gradientDescent(f, [3], 0.01, 100) is right`;
    },
    say: 'the book’s defaults are lr = 0.01 and step_num = 100, as in its def gradient_descent(f, init_x, lr=0.01, step_num=100)',
  },
];
