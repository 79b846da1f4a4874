import type { ExerciseEntry } from './types.ts';

const CLOSURE =
  'the numerical gradient of f(W) = net.loss(x, t) equals the closed form (softmax(x·W) − t) ⊗ x';
const LOSS = 'loss is the cross-entropy of softmax(predict(x)), for one-hot and label t';
const LINEAR = 'predict is linear in x: predict(αx + βz) = α·predict(x) + β·predict(z)';

export const simpleNet: ExerciseEntry = {
  id: '05_simple_net',
  title: 'A simple network and its gradient',
  book: '4.4.2',
  exports: ['SimpleNet'],
  laws: [
    {
      name: 'the book example: x = [0.6, 0.9] and t = [0, 0, 1] give the loss 0.9280682857864075',
      points: 1,
      hint: 'predict is np.dot(x, self.W); loss is cross_entropy_error(softmax(predict(x)), t), using src’s softmax and crossEntropyError (book 4.4.2).',
    },
    {
      name: 'W is (2, 3) and drawn from the standard normal: pooled over 300 seeds it fits N(0, 1)',
      points: 2,
      hint: 'The book draws W with np.random.randn(2, 3): use src’s randn([2, 3], rng), not rng.random(), and do not rescale it.',
    },
    {
      name: 'the same rng seed gives the same W, and different seeds give different W',
      points: 1,
      hint: 'Draw every number from the rng the constructor receives; when none is given, use createRng with a fixed seed.',
    },
    {
      name: LINEAR,
      points: 2,
      hint: 'predict is only the scores x·W: no softmax, no bias, no activation. The softmax belongs to loss.',
    },
    {
      name: LOSS,
      points: 2,
      hint: 'Turn the scores into probabilities with softmax before crossEntropyError; the loss of raw scores is not a cross-entropy.',
    },
    {
      name: CLOSURE,
      points: 2,
      hint: 'numericalGradient changes net.W in place and calls f; loss must read this.W at that moment, not a copy made in the constructor (book 4.4.2).',
    },
  ],
  diagnoses: [
    {
      failed: [CLOSURE],
      passed: [LOSS],
      say: 'your loss is right for the W it was built with but does not see net.W change: it reads a copy of W made in the constructor, so f(W) = net.loss(x, t) ignores the perturbation and the gradient is 0',
    },
    {
      failed: [LINEAR],
      passed: [LOSS],
      say: 'your predict returns probabilities, not scores: the softmax belongs to loss, predict is just x·W',
    },
    {
      failed: ['the same rng seed gives the same W, and different seeds give different W'],
      passed: [LINEAR, LOSS],
      say: 'the same seed does not give the same W, or different seeds give the same one: draw W with randn([2, 3], rng) from the rng you are given, and make your own createRng only when none is passed',
    },
    {
      failed: [
        'W is (2, 3) and drawn from the standard normal: pooled over 300 seeds it fits N(0, 1)',
      ],
      passed: [
        'the same rng seed gives the same W, and different seeds give different W',
        'the book example: x = [0.6, 0.9] and t = [0, 0, 1] give the loss 0.9280682857864075',
      ],
      say: 'your initial W does not look like standard normal draws (check its shape (2, 3) too): use randn([2, 3], rng); uniform values with mean 0 and variance 1 are not normal',
    },
    {
      failed: [LOSS, CLOSURE],
      passed: [
        LINEAR,
        'W is (2, 3) and drawn from the standard normal: pooled over 300 seeds it fits N(0, 1)',
      ],
      say: 'your loss does not put the scores through softmax before the cross-entropy (no squashing at all, or sigmoid in its place): loss = crossEntropyError(softmax(predict(x)), t)',
    },
  ],
};
