// What a wrong SimpleNet does, seen from outside: each suspect builds nets of its own, sets
// their W, and compares what predict and loss return with what one mistake would give; or it
// observes the mistake directly (W kept from the constructor, the rng ignored, an input changed).
import type * as Student from '@impl/05_simple_net';
import { createRng, NDArray } from '../../src/index.ts';
import type { Suspect } from '../../grader/suspects.ts';
import { format, formatNumber, formatPair } from '../support/format.ts';
import { oracle, rowwise, scores, squashedLoss } from '../support/simple-net.ts';
import {
  ACTIVATIONS,
  bookW,
  mixedW,
  nd,
  near,
  netWith,
  pool,
  show,
  SQUASHES,
  T_PROBES,
  X_PROBES,
} from '../support/simple-net-probes.ts';

type Impl = typeof Student;
type Net = InstanceType<Impl['SimpleNet']>;

const POOL_NETS = 300; // as the normal_init law: 1800 draws
const ALL = ['book', 'normal_init', 'seeded', 'linear', 'predict', 'loss', 'closure', 'pure'];

/** A suspect that compares the W of nets built with createRng(p) and (q); undefined: no rng. */
function rngSuspect(
  key: string,
  when: (same: (p?: number, q?: number) => boolean) => boolean,
  evidence: string,
  say: string,
): Suspect<Impl> {
  return {
    key,
    explains: key === 'rng_ignored' ? ['seeded', 'normal_init'] : ['seeded'],
    probe(impl) {
      const build = (seed?: number) =>
        seed === undefined ? new impl.SimpleNet() : new impl.SimpleNet(createRng(seed));
      const same = (p?: number, q?: number) => {
        const [a, b] = [build(p).W, build(q).W];
        return (
          a instanceof NDArray &&
          b instanceof NDArray &&
          a.data.every((v, i) => Object.is(v, b.data[i]))
        );
      };
      return when(same) ? evidence : undefined;
    },
    say,
  };
}

export const suspects: Suspect<Impl>[] = [
  {
    key: 'activation_in_predict',
    explains: ['book', 'linear', 'predict'],
    probe(impl) {
      for (const [name, g] of ACTIVATIONS) {
        const seen = X_PROBES().map((x) => {
          const z = scores(mixedW().data, x).z.data;
          return { x, z, got: netWith(impl.SimpleNet, mixedW()).predict(x).data };
        });
        if (seen.every(({ z, got }) => near(got, rowwise(z, g)) && !near(got, z))) {
          const { x, z, got } = seen[0];
          return `with net.W = ${format(mixedW())}, net.predict(${format(x)}) returned ${show(got)}, which is ${name}; x·W is ${show(z)}`;
        }
      }
    },
    say: 'predict returns the scores x·W themselves; the softmax is applied in loss, and this net has no activation',
  },
  {
    key: 'loss_not_softmax',
    explains: ['book', 'loss', 'closure'],
    probe(impl) {
      for (const [name, g] of SQUASHES) {
        const seen = T_PROBES().map(({ x, labels }) => {
          const got = netWith(impl.SimpleNet, bookW()).loss(x, nd(labels, [labels.length]));
          const model = squashedLoss(scores(bookW().data, x).z.data, labels, g);
          return { x, labels, got, model, right: oracle(bookW().data, x, labels).loss };
        });
        if (seen.every(({ got, model, right }) => near([got], [model]) && !near([got], [right]))) {
          const { x, labels, got } = seen[0];
          return `with the book’s W, net.loss(${format(x)}, labels ${show(labels)}) returned ${formatNumber(got, 10)}, the cross-entropy of ${name}`;
        }
      }
    },
    say: 'loss is crossEntropyError(softmax(predict(x)), t): softmax once, on the scores, so that each row is a probability distribution',
  },
  {
    key: 'stale_w',
    explains: ['book', 'predict', 'closure'],
    probe(impl) {
      const x = nd([0.6, 0.9], [2]);
      const changes: [string, (net: Net) => void][] = [
        ['net.W = the book’s W', (net) => (net.W = bookW())],
        ['net.W.data[0] += 1', (net) => (net.W.data[0] += 1)],
      ];
      for (const [what, change] of changes) {
        const net = new impl.SimpleNet(createRng(7));
        const before = net.predict(x).data.slice();
        if (!near(before, scores(net.W.data, x).z.data)) continue;
        change(net);
        const after = net.predict(x).data;
        if (
          before.every((v, i) => Object.is(v, after[i])) &&
          !near(after, scores(net.W.data, x).z.data)
        )
          return `net.predict([0.6, 0.9]) was x·W, ${show(before)}, and after ${what} it still returned ${show(after)}`;
      }
    },
    say: 'predict and loss must read this.W each time they run: numericalGradient changes net.W in place and the book assigns it; a copy made in the constructor never sees either',
  },
  {
    key: 'w_shape',
    explains: ALL,
    probe(impl) {
      const W = new impl.SimpleNet(createRng(7)).W;
      if (W instanceof NDArray && !(W.shape.length === 2 && W.shape[0] === 2 && W.shape[1] === 3))
        return `net.W has shape (${W.shape.join(', ')})`;
    },
    say: 'W is (2, 3), 2 inputs by 3 classes, so that x (N, 2) · W gives the scores (N, 3), as the book’s np.random.randn(2, 3)',
  },
  rngSuspect(
    'rng_ignored',
    (same) => same(1, 2),
    'nets built with createRng(1) and createRng(2) have the same W',
    'draw W from the rng passed to the constructor (randn([2, 3], rng)), so that each seed gives its own W',
  ),
  rngSuspect(
    'not_from_rng',
    (same) => !same(5, 5),
    'two nets built with createRng(5) have different W',
    'draw every number of W from the rng given (not Math.random), so that the same seed rebuilds the same net',
  ),
  rngSuspect(
    'default_varies',
    (same) => same(5, 5) && !same(undefined, undefined),
    'two nets built with createRng(5) have the same W, but two built without an rng differ',
    'without an rng, make a fresh createRng(0) inside the constructor, for each net; a default rng made once is shared and moves on with every net',
  ),
  rngSuspect(
    'default_seed',
    (same) => same(undefined, undefined) && !same(undefined, 0),
    'every net built without an rng has the same W, but not the W that createRng(0) gives',
    'the default rng is createRng(0), as the header says, so new SimpleNet() and new SimpleNet(createRng(0)) are the same net',
  ),
  {
    key: 'uniform_w',
    explains: ['normal_init'],
    probe(impl) {
      const values = pool(impl.SimpleNet, POOL_NETS);
      if (!values) return;
      const [lo, hi] = [Math.min(...values), Math.max(...values)];
      const quarters = [0, 0, 0, 0];
      for (const v of values) quarters[Math.min(3, Math.floor(((v - lo) / (hi - lo)) * 4))]++;
      const even = quarters.every(
        (c) => Math.abs(c - values.length / 4) <= 0.15 * (values.length / 4),
      );
      if (hi > lo && even)
        return `the ${values.length} entries of W over ${POOL_NETS} nets fill [${formatNumber(lo, 3)}, ${formatNumber(hi, 3)}] evenly: ${quarters.join(', ')} in its four quarters`;
    },
    say: 'that is a uniform draw, as rng.random() gives; the book’s np.random.randn draws from the standard normal: use randn([2, 3], rng)',
  },
  {
    key: 'scaled_w',
    explains: ['normal_init'],
    probe(impl) {
      const values = pool(impl.SimpleNet, POOL_NETS);
      if (!values) return;
      const s = Math.sqrt(values.reduce((a, v) => a + v * v, 0) / values.length);
      const beyond = values.filter((v) => Math.abs(v) > 2 * s).length / values.length;
      // a normal sample's fraction beyond 2σ is 4.55%; a uniform one's is 0
      if (s > 0 && (s < 0.8 || s > 1.25) && beyond > 0.025 && beyond < 0.07)
        return `the entries of W over ${POOL_NETS} nets have standard deviation ${formatNumber(s, 3)}, with ${formatNumber(100 * beyond, 2)}% beyond 2 of them, as a normal draw scaled by ${formatNumber(s, 3)}`;
    },
    say: 'this W is drawn from the standard normal, not scaled: the book’s simpleNet uses np.random.randn(2, 3) as it is (the weight_init_std of 4.5 belongs to TwoLayerNet)',
  },
  {
    key: 'writes_inputs',
    explains: ['pure', 'closure'],
    probe(impl) {
      const net = netWith(impl.SimpleNet, mixedW());
      const x = nd([0.6, 0.9, -1, 2], [2, 2]);
      const [t, labels] = [nd([0, 0, 1, 1, 0, 0], [2, 3]), nd([2, 0], [2])];
      const watched = Object.entries({ x, t, 'labels t': labels, 'net.W': net.W });
      const before = watched.map(([, a]) => a.data.slice());
      const calls: [string, () => unknown][] = [
        ['predict(x)', () => net.predict(x)],
        ['loss(x, one-hot t)', () => net.loss(x, t)],
        ['loss(x, labels)', () => net.loss(x, labels)],
      ];
      for (const [call, run] of calls) {
        run();
        for (const [i, [name, a]] of watched.entries()) {
          const j = before[i].findIndex((v, k) => !Object.is(v, a.data[k]));
          if (j < 0) continue;
          const [was, is] = formatPair(before[i][j], a.data[j], 0);
          return `net.${call} changed ${name}.data[${j}] from ${was} to ${is}`;
        }
      }
    },
    say: 'predict and loss only read x, t and W: compute into new arrays (dot and softmax return new ones)',
  },
];
