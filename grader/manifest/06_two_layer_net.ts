import type { ExerciseEntry } from './types.ts';

const INIT_SHAPES =
  'params have the shapes W1 (I, H), b1 (H), W2 (H, O), b2 (O), and the biases start at 0';
const INIT_NORMAL =
  'weights are drawn from N(0, weightInitStd²), with 0.01 by default: pooled over 10 nets they fit';
const NUMERIC = 'numericalGradient passes a gradient check against the exact gradient of loss';
const BACKPROP = 'gradient passes a gradient check against the backpropagation of the book';
const AGREE =
  'gradient and numericalGradient agree within the derived bound, the book gradient check';
const PREDICT = 'predict is softmax(sigmoid(x·W1 + b1)·W2 + b2): one probability row per sample';
const LOSS = 'loss is the cross-entropy of predict(x) against one-hot t';
const BATCH = 'gradients are batch means: duplicating the batch leaves gradient unchanged';

export const twoLayerNet: ExerciseEntry = {
  id: '06_two_layer_net',
  title: 'A two-layer network',
  book: '4.5.1',
  exports: ['TwoLayerNet'],
  laws: [
    {
      name: INIT_SHAPES,
      points: 1,
      hint: 'W1 is (inputSize, hiddenSize), W2 is (hiddenSize, outputSize); b1 and b2 are zeros of hiddenSize and outputSize (book 4.5.1).',
    },
    {
      name: INIT_NORMAL,
      points: 2,
      hint: 'Each weight is weightInitStd * randn(shape, rng): normal, not uniform, and scaled by the weightInitStd you are given (0.01 when omitted).',
    },
    {
      name: 'the same rng seed gives the same params, and different seeds give different ones',
      points: 1,
      hint: 'Draw every weight from the rng the constructor receives; when none is given, use createRng with a fixed seed.',
    },
    {
      name: PREDICT,
      points: 1,
      hint: 'a1 = x·W1 + b1, z1 = sigmoid(a1), a2 = z1·W2 + b2, y = softmax(a2): the softmax makes each row sum to 1.',
    },
    {
      name: LOSS,
      points: 1,
      hint: 'Return crossEntropyError(this.predict(x), t) with src’s crossEntropyError, not the mean squared error.',
    },
    {
      name: 'accuracy is the fraction of rows whose argmax matches, for one-hot and label t alike',
      points: 1,
      hint: 'Take argmax of each row of predict(x); turn a one-hot t into labels with argmax too (a 1-D t already holds labels); divide the matches by N.',
    },
    {
      name: NUMERIC,
      points: 2,
      hint: 'Pass () => this.loss(x, t) and the params arrays themselves (not copies) to src’s numericalGradient, which perturbs them in place.',
    },
    {
      name: BACKPROP,
      points: 2,
      hint: 'dy = (y − t)/N; dW2 = z1ᵀ·dy; db2 = Σ over rows of dy; dz1 = sigmoidGrad(a1) ⊙ (dy·W2ᵀ); dW1 = xᵀ·dz1; db1 = Σ over rows of dz1.',
    },
    {
      name: AGREE,
      points: 1,
      hint: 'Both methods compute the same gradient; compare them entry by entry on a tiny net to find which one is off (book 4.5.1, 5.7).',
    },
    {
      name: BATCH,
      points: 1,
      hint: 'The loss is a mean over the batch, so its gradient carries 1/N: divide y − t by the batch size x.shape[0], once.',
    },
  ],
  diagnoses: [
    {
      failed: [BATCH, BACKPROP],
      passed: [NUMERIC],
      say: 'your gradient changes when the batch is stacked twice: the loss is a batch mean, so dy = (y − t) / N carries the 1/N exactly once. Without it the gradient is N× too large (training still runs, as with a learning rate N× too large); averaging a bias or weight gradient over the batch again makes it N× too small',
    },
    {
      failed: [NUMERIC],
      passed: [BACKPROP, PREDICT, LOSS],
      say: 'your numericalGradient does not move the loss: pass the params arrays themselves to src’s numericalGradient, not copies, so the closure this.loss(x, t) sees each perturbation',
    },
    {
      failed: [INIT_NORMAL],
      passed: [INIT_SHAPES],
      say: 'your weights have the wrong spread or distribution: weightInitStd * randn(shape, rng), with the weightInitStd you are given',
    },
    {
      failed: [
        'accuracy is the fraction of rows whose argmax matches, for one-hot and label t alike',
      ],
      passed: [PREDICT],
      say: 'predict is right but accuracy is not: compare the argmax of each row of y with the label, and when t is one-hot take its argmax too, as the book’s t.argmax(axis=1)',
    },
    {
      failed: [BACKPROP, AGREE],
      passed: [NUMERIC, BATCH, PREDICT, LOSS],
      say: 'your loss and numericalGradient are right and gradient is a batch mean, yet it disagrees with backpropagation: look at the step through the hidden layer, where dy·W2ᵀ must be multiplied by sigmoidGrad(a1), the derivative at the pre-activation, not skipped and not sigmoid(a1)',
    },
    {
      failed: ['the same rng seed gives the same params, and different seeds give different ones'],
      passed: [INIT_SHAPES, INIT_NORMAL],
      say: 'the same seed does not give the same params: draw the weights from the rng you are given, weightInitStd * randn(shape, rng), and make your own createRng only when none is passed',
    },
    {
      failed: [LOSS, NUMERIC],
      passed: [PREDICT, BACKPROP],
      say: 'predict is right but loss is not the cross-entropy of predict(x) and t (the mean squared error of 4.2.1 perhaps): loss = crossEntropyError(predict(x), t)',
    },
    {
      failed: [INIT_SHAPES],
      passed: [INIT_NORMAL, PREDICT],
      say: 'your params start wrong: check the shapes W1 (I, H), b1 (H), W2 (H, O), b2 (O), and start both biases at zeros, as the book’s np.zeros; only the weights are random',
    },
    {
      failed: [PREDICT],
      passed: [INIT_SHAPES],
      say: 'predict(x) is not softmax(sigmoid(x·W1 + b1)·W2 + b2): the book’s hidden layer is sigmoid (not ReLU, not none), and the output layer is softmax',
    },
  ],
};
