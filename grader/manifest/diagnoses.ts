// The diagnoses of each exercise, by the keys of the laws they read: a mistake named from
// the pattern of laws it breaks (see types.ts).
import type { DiagnosisEntry } from './types.ts';

export const DIAGNOSES: Record<string, DiagnosisEntry[]> = {
  '01_loss_functions': [
    {
      failed: ['batch_mean'],
      passed: ['cee_book', 'one_sample'],
      say: 'one sample is right but a batch is not: your batch cross-entropy is not the mean over the rows. Sum −log(y[n, t[n]] + 1e-7) over the N rows and divide by N, not by y.size, and do not leave it a sum (book 4.2.3).',
    },
    {
      failed: ['names_shapes'],
      passed: ['refuses_shapes'],
      say: 'your code refuses mismatched shapes, but its message does not say which shapes clash. Put both in it, e.g. "y (2, 2) and t (2, 3) differ", so whoever calls it sees which array is wrong.',
    },
    {
      failed: ['refuses_shapes'],
      passed: ['names_shapes'],
      say: 'some shapes that fit no rule were answered instead of refused, as the failure shows: y must be (K) or (N, K), not three axes, and a t of as many elements is not a t of the same shape (numpy would broadcast (2) − (2, 1) to (2, 2) without a word).',
    },
  ],
  '02_numerical_diff': [
    {
      failed: ['affine', 'calls'],
      say: 'with a step as tiny as 1e-50, x + h rounds back to x and f(x + h) − f(x − h) is 0: rounding wins. The book uses h = 1e-4.',
    },
    {
      failed: ['affine'],
      passed: ['calls'],
      say: 'your slopes are off by a constant factor (twice the slope of a straight line?): divide by 2h, the distance between x − h and x + h.',
    },
    {
      failed: ['cube', 'book'],
      passed: ['affine'],
      say: 'your derivative error shrinks like h, not h²: that is a forward (or backward) difference; the book uses (f(x + h) − f(x − h)) / 2h.',
    },
    {
      failed: ['cube'],
      passed: ['affine', 'book'],
      say: 'your central difference uses a step other than h = 1e-4: on x³ its error is h², and yours is not 1e-8.',
    },
    {
      failed: ['calls'],
      passed: ['book', 'affine', 'cube', 'symbolic'],
      say: 'your value is right but f is called more than twice, or at other points: the central difference needs only f(x + h) and f(x − h). Averaging the forward and backward differences gives the same number with an extra call of f(x).',
    },
  ],
  '03_numerical_gradient': [
    {
      failed: ['shape'],
      passed: ['book'],
      say: 'your gradient does not come back in the shape of x: allocate it with zerosLike(x) and fill it by the same flat index you move.',
    },
    {
      failed: ['non_separable', 'one_at_a_time'],
      passed: ['book'],
      say: 'x is not put back after each coordinate, so later partial derivatives are taken at a shifted point: write the saved value back after the two calls of f.',
    },
    {
      failed: ['closure'],
      passed: ['book'],
      say: 'you move a copy of x: an f that reads the weights through a closure, like lambda W: net.loss(x, t), never sees the change. Move the elements of x itself and put them back.',
    },
    {
      failed: ['one_at_a_time'],
      passed: ['book', 'non_separable', 'calls'],
      say: 'x changed in its last bits: moving it by +h, −2h and +h again does not return the exact value in floating point. Save the value and assign it back.',
    },
    {
      failed: ['book', 'one_at_a_time'],
      passed: ['calls'],
      say: 'some calls of f see x with no coordinate moved: the second point must be x − h (x[i] = tmp − h), and the quotient the central (f(x + h) − f(x − h)) / 2h, not a forward difference.',
    },
    {
      failed: ['calls'],
      passed: ['book'],
      say: 'f is called more than twice per element: loop over i < x.size and call f only at x + h·eᵢ and x − h·eᵢ.',
    },
  ],
  '04_gradient_descent': [
    {
      failed: ['monotone', 'stability'],
      passed: ['pure'],
      say: 'f grows: you step along the gradient (x += lr·grad), which is gradient ascent; descent steps against it, x −= lr·grad.',
    },
    {
      failed: ['pure'],
      passed: ['converges'],
      say: 'initX changed: like the book x = init_x, your x is the same array, so every update writes into initX. Start from copy(initX).',
    },
    {
      failed: ['steps'],
      passed: ['pure', 'monotone'],
      say: 'the number of steps is not stepNum: loop for (let i = 0; i < stepNum; i++), one gradient and one update each, without stopping early.',
    },
    {
      failed: ['freezes'],
      passed: ['closed_form', 'converges'],
      say: 'your lr = 10 run does not freeze where the book does: once |x| passes about 2⁴⁰, x ± h rounds to x and the numerical gradient is 0. Use src numericalGradient, as gradient_method.py uses common/.',
    },
    {
      failed: ['defaults'],
      passed: ['closed_form'],
      say: 'check the default values: lr = 0.01 and stepNum = 100, as in the gradient_descent of the book.',
    },
    {
      failed: ['creeps', 'converges'],
      passed: ['monotone', 'steps'],
      say: 'your step size does not follow lr: with lr = 1e-10 x should barely move, with lr = 0.1 it should reach the book value. Use the lr you are given in x −= lr·grad.',
    },
    {
      failed: ['converges', 'closed_form', 'stability'],
      passed: ['creeps', 'monotone', 'steps'],
      say: 'your steps are smaller than lr·grad by a constant factor: x converges too slowly, and a too-large lr does not diverge as it must. There is no batch here to average over: x −= lr·grad, divided by nothing.',
    },
    {
      failed: ['stability', 'closed_form'],
      passed: ['converges', 'creeps', 'monotone'],
      say: 'small steps are right but large ones are not: with lr > 1/a plain gradient descent must overshoot and grow away from the minimum. Do not clip, normalise or cap the step: x −= lr·grad exactly.',
    },
    {
      failed: ['converges', 'closed_form'],
      passed: ['steps', 'stability', 'creeps', 'freezes'],
      say: 'you stop before stepNum steps once x is near the minimum: the book always takes all stepNum steps, with no test for convergence.',
    },
  ],
  '05_simple_net': [
    {
      failed: ['closure'],
      passed: ['loss'],
      say: 'your loss is right for the W it was built with but does not see net.W change: it reads a copy of W made in the constructor, so f(W) = net.loss(x, t) ignores the perturbation and the gradient is 0',
    },
    {
      failed: ['linear'],
      passed: ['loss'],
      say: 'your predict returns probabilities, not scores: the softmax belongs to loss, predict is just x·W',
    },
    {
      failed: ['seeded'],
      passed: ['linear', 'loss'],
      say: 'the same seed does not give the same W, or different seeds give the same one: draw W with randn([2, 3], rng) from the rng you are given, and make your own createRng only when none is passed',
    },
    {
      failed: ['normal_init'],
      passed: ['seeded', 'book'],
      say: 'your initial W does not look like standard normal draws (check its shape (2, 3) too): use randn([2, 3], rng); uniform values with mean 0 and variance 1 are not normal',
    },
    {
      failed: ['loss', 'closure'],
      passed: ['linear', 'normal_init'],
      say: 'your loss does not put the scores through softmax before the cross-entropy (no squashing at all, or sigmoid in its place): loss = crossEntropyError(softmax(predict(x)), t)',
    },
  ],
  '06_two_layer_net': [
    {
      failed: ['batch_mean', 'backprop'],
      passed: ['numeric'],
      say: 'your gradient changes when the batch is stacked twice: the loss is a batch mean, so dy = (y − t) / N carries the 1/N exactly once. Without it the gradient is N× too large (training still runs, as with a learning rate N× too large); averaging a bias or weight gradient over the batch again makes it N× too small',
    },
    {
      failed: ['numeric'],
      passed: ['backprop', 'predict', 'loss'],
      say: 'your numericalGradient does not move the loss: pass the params arrays themselves to src’s numericalGradient, not copies, so the closure this.loss(x, t) sees each perturbation',
    },
    {
      failed: ['init_normal'],
      passed: ['init_shapes'],
      say: 'your weights have the wrong spread or distribution: weightInitStd * randn(shape, rng), with the weightInitStd you are given',
    },
    {
      failed: ['accuracy'],
      passed: ['predict'],
      say: 'predict is right but accuracy is not: compare the argmax of each row of y with the label, and when t is one-hot take its argmax too, as the book’s t.argmax(axis=1)',
    },
    {
      failed: ['backprop', 'agree'],
      passed: ['numeric', 'batch_mean', 'predict', 'loss'],
      say: 'your loss and numericalGradient are right and gradient is a batch mean, yet it disagrees with backpropagation: look at the step through the hidden layer, where dy·W2ᵀ must be multiplied by sigmoidGrad(a1), the derivative at the pre-activation, not skipped and not sigmoid(a1)',
    },
    {
      failed: ['seeded'],
      passed: ['init_shapes', 'init_normal'],
      say: 'the same seed does not give the same params: draw the weights from the rng you are given, weightInitStd * randn(shape, rng), and make your own createRng only when none is passed',
    },
    {
      failed: ['loss', 'numeric'],
      passed: ['predict', 'backprop'],
      say: 'predict is right but loss is not the cross-entropy of predict(x) and t (the mean squared error of 4.2.1 perhaps): loss = crossEntropyError(predict(x), t)',
    },
    {
      failed: ['init_shapes'],
      passed: ['init_normal', 'predict'],
      say: 'your params start wrong: check the shapes W1 (I, H), b1 (H), W2 (H, O), b2 (O), and start both biases at zeros, as the book’s np.zeros; only the weights are random',
    },
    {
      failed: ['predict'],
      passed: ['init_shapes'],
      say: 'predict(x) is not softmax(sigmoid(x·W1 + b1)·W2 + b2): the book’s hidden layer is sigmoid (not ReLU, not none), and the output layer is softmax',
    },
  ],
  '07_train_neuralnet': [
    {
      failed: ['partial_epochs'],
      passed: ['whole_epochs'],
      say: 'your epoch length is not a whole number when trainSize / batchSize is not whole, so i % iterPerEpoch is never 0: floor it, and keep it at least 1 (the fix of the book’s PR #90)',
    },
    {
      failed: ['whole_epochs', 'partial_epochs'],
      passed: ['loss'],
      say: 'your accuracies are recorded at the wrong moments or on the wrong data: after the update of iteration i, exactly when i % iterPerEpoch === 0, on the whole train and test sets',
    },
    {
      failed: ['loss'],
      passed: ['update'],
      say: 'your loss is recorded at the wrong moment or on the wrong data: after the update, on the batch of that iteration',
    },
    {
      failed: ['batches'],
      passed: ['update'],
      say: 'the rows of your x batch and t batch do not match: draw one batchMask per iteration and take the same rows of both, takeRows(xTrain, batchMask) and takeRows(tTrain, batchMask)',
    },
    {
      failed: ['sampling'],
      passed: ['batches'],
      say: 'your batches are not drawn as numpy’s random.choice draws them: a fresh rng.choice(trainSize, batchSize) every iteration, with replacement; not a shuffled slice, and not one batch reused',
    },
    {
      failed: ['update', 'mnist'],
      passed: ['batches'],
      say: 'your update does not descend, so training on MNIST gets nowhere: subtract learningRate·grad from each parameter; adding it climbs the loss',
    },
    {
      failed: ['update'],
      passed: ['mnist'],
      say: 'your update is not exactly params[key] −= learningRate·grad[key], in place: scale by learningRate, and write into the existing arrays (the network keeps its own arrays, as numpy’s -= does)',
    },
    {
      failed: ['on_epoch'],
      passed: ['whole_epochs', 'partial_epochs'],
      say: 'onEpoch receives the wrong record: count epochs from 0, as the records are counted, and pass the iteration, trainAcc, testAcc and loss of that record',
    },
    {
      failed: ['mnist'],
      passed: ['batches', 'update', 'sampling', 'whole_epochs', 'loss'],
      say: 'every small law holds but training on MNIST does not learn: on real data the batches must come from xTrain with their own tTrain rows, never from the test set',
    },
  ],
};
