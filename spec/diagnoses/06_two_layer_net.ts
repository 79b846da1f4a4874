// What a wrong TwoLayerNet does, seen from outside: its outputs on probe nets are matched
// against executable models of mistakes, built from the trusted net's formulas
// (support/two-layer-probes.ts). A mistake is named only when the student's output is that
// model's, to rounding, on every probe while the book's is not, or when it is seen directly.
import type * as Student from '@impl/06_two_layer_net';
import type { Suspect } from '../../grader/suspects.ts';
import * as np from '../../src/index.ts';
import { formatNumber } from '../support/format.ts';
import { KEYS } from '../support/trusted-net.ts';
import { buildNet, readParams, sameParams, type Case } from '../support/two-layer.ts';
import * as probe from '../support/two-layer-probes.ts';

type Impl = typeof Student;
const { a1Of, a2Of, book, dyOf, hidden, scaled } = probe;
const GRADIENT = ['backprop'];
const OUTPUTS = ['predict', 'loss', 'accuracy', 'numeric', 'backprop'];
const INIT = ['init_normal', 'seeded'];
const gradientLike = (models: probe.Model<Partial<Case['p']>>[]) => (impl: Impl) =>
  probe.gradientLike(models)(impl.TwoLayerNet);
const predictLike = (models: probe.Model<np.NDArray>[]) => (impl: Impl) =>
  probe.predictLike(models)(impl.TwoLayerNet);
const netOf = (impl: Impl, c: Case) => probe.netOf(impl.TwoLayerNet, c);
const build = (impl: Impl, std?: number, seed?: number) =>
  buildNet(impl.TwoLayerNet, [4, 3, 2], std, seed).params;

export const suspects: Suspect<Impl>[] = [
  {
    key: 'gradient_scale',
    explains: GRADIENT,
    probe: gradientLike([
      ['N times the book’s d$', scaled((n) => n)],
      ['the book’s d$ divided by N once more', scaled((n) => 1 / n)],
      ['the book’s d$ with its sign flipped', scaled(() => -1)],
    ]),
    say: 'dy = (y − t) / N, the prediction minus the answer over the batch size, once; the other steps only multiply and sum over rows (Σₙ, not a mean)',
  },
  {
    key: 'hidden_local_gradient',
    explains: GRADIENT,
    probe: gradientLike([
      ['backpropagated with no factor for the sigmoid', hidden((a1) => np.full(a1.shape, 1))],
      ['backpropagated through sigmoid(a1) itself', hidden((a1) => np.sigmoid(a1))],
      ['backpropagated through sigmoidGrad(z1)', hidden((_, z1) => np.sigmoidGrad(z1))],
    ]),
    say: 'the sigmoid layer passes dy·W2ᵀ back times its derivative at the pre-activation, sigmoidGrad(a1) = σ(a1)·(1 − σ(a1))',
  },
  {
    key: 'gradient_axis',
    explains: GRADIENT,
    probe: gradientLike([
      [
        'summed along each row, over the units, of shape (N)',
        (c) => {
          const dy = dyOf(c);
          const dz1 = np.mul(np.sigmoidGrad(a1Of(c)), np.dotNT(dy, c.p.W2));
          return { b1: np.sum(dz1, 1), b2: np.sum(dy, 1) };
        },
      ],
      [
        'the transpose of the book’s',
        (c) => ({ W1: np.transpose(book(c).W1), W2: np.transpose(book(c).W2) }),
      ],
    ]),
    say: 'each gradient has its param’s shape: dW = (input)ᵀ·δ, (in, out), and db sums δ over the batch, axis 0',
  },
  {
    key: 'pre_activation_in_dW2',
    explains: GRADIENT,
    probe: gradientLike([
      ['a1ᵀ·dy, from the pre-activation', (c) => ({ W2: np.dotTN(a1Of(c), dyOf(c)) })],
    ]),
    say: 'W2 multiplies the hidden layer’s output, so dW2 = z1ᵀ·dy with z1 = sigmoid(a1), not a1',
  },
  {
    key: 'hidden_activation',
    explains: OUTPUTS,
    probe: predictLike([
      ['softmax(relu(a1)·W2 + b2)', (c) => np.softmax(a2Of(c, np.relu(a1Of(c))))],
      ['softmax(a1·W2 + b2), with no hidden activation', (c) => np.softmax(a2Of(c, a1Of(c)))],
    ]),
    say: 'the book’s hidden layer is z1 = sigmoid(a1), chapter 3’s sigmoid',
  },
  {
    key: 'output_activation',
    explains: OUTPUTS,
    probe: predictLike([
      ['sigmoid(z1·W2 + b2)', (c) => np.sigmoid(a2Of(c, np.sigmoid(a1Of(c))))],
      ['z1·W2 + b2, the scores with no softmax', (c) => a2Of(c, np.sigmoid(a1Of(c)))],
      [
        'a softmax down each column (over the batch)',
        (c) => np.transpose(np.softmax(np.transpose(a2Of(c, np.sigmoid(a1Of(c)))))),
      ],
    ]),
    say: 'y = softmax(z1·W2 + b2), taken along each row, so each sample’s O probabilities sum to 1',
  },
  {
    key: 'bias_left_out',
    explains: OUTPUTS,
    probe: predictLike([
      [
        'softmax(sigmoid(x·W1)·W2 + b2)',
        (c) => np.softmax(a2Of(c, np.sigmoid(np.dot(c.x, c.p.W1)))),
      ],
      ['softmax(z1·W2), without b2', (c) => np.softmax(np.dot(np.sigmoid(a1Of(c)), c.p.W2))],
    ]),
    say: 'each layer adds its bias: a1 = x·W1 + b1 and a2 = z1·W2 + b2',
  },
  {
    key: 'loss_formula',
    explains: ['loss', 'numeric'],
    probe: (impl) => probe.lossLike(probe.LOSS_MODELS)(impl.TwoLayerNet),
    say: 'loss is crossEntropyError(this.predict(x), t): the batch mean of −log(y[n, tₙ] + 1e-7)',
  },
  {
    key: 'one_hot_as_labels',
    explains: ['accuracy'],
    probe: (impl) =>
      probe.accuracyLike('t', [
        [
          'the share of rows n whose argmax is t.data[n], the flat one-hot array',
          (c) => probe.flatMatches(c) / c.dims[3],
        ],
      ])(impl.TwoLayerNet),
    say: 'a one-hot t holds a label as the position of its 1: take argmax(t, 1) first, as the book does when t.ndim ≠ 1',
  },
  {
    key: 'accuracy_denominator',
    explains: ['accuracy'],
    probe(impl) {
      for (const form of ['t', 'labels'] as const) {
        const text = probe.accuracyLike(form, [
          ['the matches divided by t.size', (c) => c.hits / c[form].size],
          ['the matches divided by O, the number of classes', (c) => c.hits / c.dims[2]],
          ['the number of matches itself', (c) => c.hits],
        ])(impl.TwoLayerNet);
        if (text) return text;
      }
    },
    say: 'accuracy is a fraction of the batch: the matches divided by N = x.shape[0]',
  },
  {
    key: 'labels_refused',
    explains: ['accuracy'],
    probe(impl) {
      const c = probe.accuracyProbes()[0];
      const net = netOf(impl, c);
      if (!probe.same(net.accuracy(c.x, c.t), c.hits / c.dims[3])) return;
      try {
        net.accuracy(c.x, c.labels);
      } catch (error) {
        return `accuracy(x, t) is right for one-hot t, but for labels t of shape (${c.dims[3]}) it threw ${String(error)}`;
      }
    },
    say: 'accuracy takes labels (N) too: a 1-D t already holds the answers, only a 2-D t needs argmax(t, 1)',
  },
  {
    key: 'weight_spread',
    explains: INIT,
    probe(impl) {
      const spread = (std: number) => ({ std, ...probe.spread(impl.TwoLayerNet, std) });
      const [small, large] = [spread(0.01), spread(0.5)];
      // 3200 draws: a correct sd is within 10% of σ with probability 1 − 1e-20
      if ([small, large].every((s) => Math.abs(s.sd / s.std - 1) <= 0.1)) return;
      const shown = [small, large].map((s) => `${formatNumber(s.sd, 3)} for σ = ${s.std}`);
      return `the weights of nets of (30, 20, 10) have standard deviation ${shown.join(' and ')}`;
    },
    say: 'each weight is weightInitStd · randn(shape, rng), whose standard deviation is weightInitStd',
  },
  {
    key: 'weights_not_normal',
    explains: INIT,
    probe(impl) {
      const s = probe.spread(impl.TwoLayerNet, 0.5);
      // a normal puts 4.55% beyond 2 sd: 146 of 3200, and fewer than 40 with probability < 1e-20
      if (s.sd === 0 || s.beyond >= 40) return;
      return `only ${s.beyond} of ${s.n} weights lie more than 2 standard deviations from their mean, where a normal draw puts about 146`;
    },
    say: 'randn draws from the normal distribution (rng.normal()); rng.random() is uniform, with no tails',
  },
  {
    key: 'rng_not_followed',
    explains: INIT,
    probe(impl) {
      if (sameParams(build(impl, 0.01, 1), build(impl, 0.01, 2)))
        return 'nets built with createRng(1) and createRng(2) have the same params';
      const diff = probe.firstDifference(build(impl, 0.01, 1), build(impl, 0.01, 1));
      if (diff) return `two nets built with createRng(1) differ: ${diff}`;
    },
    say: 'draw every weight from the rng the constructor is given, randn(shape, rng), never from Math.random or an rng of your own: then the seed alone decides the net',
  },
  {
    key: 'defaults',
    explains: ['seeded'],
    probe(impl) {
      if (probe.firstDifference(build(impl, 0.01, 0), build(impl, 0.01, 0))) return;
      const diff = probe.firstDifference(build(impl, 0.01), build(impl, 0.01, 0));
      if (diff) return `a net built with no rng and one built with createRng(0) differ: ${diff}`;
      const [left, given] = [build(impl, undefined, 3).W1.data, build(impl, 0.01, 3).W1.data];
      const ratio = left[0] / given[0];
      if (!Number.isFinite(ratio) || Math.abs(ratio - 1) < 1e-6) return;
      if (left.every((v, i) => Math.abs(v - ratio * given[i]) <= 1e-12 * Math.abs(v)))
        return `with weightInitStd left out your weights are ${formatNumber(ratio, 4)} times those of weightInitStd = 0.01`;
    },
    say: 'the defaults are weightInitStd = 0.01 and, with no rng given, createRng(0)',
  },
  {
    key: 'numeric_on_copies',
    explains: ['numeric'],
    probe(impl) {
      const cases = probe.probes();
      const zero = cases.every((c) => {
        const g = readParams(netOf(impl, c).numericalGradient(c.x, c.t), c.dims, 'grads');
        return KEYS.every((k) => g[k].data.every((v) => v === 0));
      });
      if (zero)
        return 'your numericalGradient returned zeros for every param, though the loss of each probe net changes with them';
    },
    say: 'src’s numericalGradient perturbs the very array it is given, and the closure reads this.params: pass this.params.W1 and the others themselves, not copies',
  },
];
