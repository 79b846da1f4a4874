import type { ExerciseEntry } from './types.ts';

const UPDATE = 'every parameter moves by exactly −learningRate·grad, in place, once per iteration';
const WHOLE =
  'accuracies are recorded on the whole train and test sets, after the update, whenever i % iterPerEpoch is 0';
const PARTIAL =
  'when trainSize / batchSize is not whole, iterPerEpoch is max(floor(trainSize / batchSize), 1)';
const LOSS =
  'the loss is recorded every iteration, after the update, on the batch of that iteration';
const SAMPLING = 'batches are drawn with replacement from options.rng and cover the training set';

export const trainNeuralNet: ExerciseEntry = {
  id: '07_train_neuralnet',
  title: 'Mini-batch training',
  book: '4.5.2, 4.5.3',
  exports: ['trainNeuralNet'],
  laws: [
    {
      name: 'each batch has batchSize rows of xTrain with their matching tTrain rows',
      points: 2,
      hint: 'Draw one batchMask = rng.choice(trainSize, batchSize) per iteration and take the same rows of both: takeRows(xTrain, batchMask), takeRows(tTrain, batchMask).',
    },
    {
      name: UPDATE,
      points: 2,
      hint: 'Gradient descent steps downhill: p.data[j] -= learningRate * g.data[j], for every key of network.params, writing into the existing arrays.',
    },
    {
      name: LOSS,
      points: 1,
      hint: 'After the update, push network.loss(xBatch, tBatch) onto trainLossList: once per iteration, on the same batch (book 4.5.2).',
    },
    {
      name: WHOLE,
      points: 2,
      hint: 'After the update of iteration i, when i % iterPerEpoch === 0, push network.accuracy(xTrain, tTrain) and network.accuracy(xTest, tTest) on the whole sets (book 4.5.3).',
    },
    {
      name: PARTIAL,
      points: 1,
      hint: 'trainSize / batchSize need not be whole: with iterPerEpoch = 600 / 7 = 85.7, i % 85.7 is never 0. Use Math.max(Math.floor(trainSize / batchSize), 1).',
    },
    {
      name: 'onEpoch is called once per record with its epoch, iteration, trainAcc, testAcc and loss',
      points: 1,
      hint: 'Call options.onEpoch?.({ epoch, iteration: i, trainAcc, testAcc, loss }) right after recording the accuracies; epoch counts the records from 0.',
    },
    {
      name: SAMPLING,
      points: 2,
      hint: 'Use options.rng.choice(trainSize, batchSize) each iteration: a fresh batch, drawn with replacement, as numpy’s np.random.choice.',
    },
    {
      name: 'driving a trusted two-layer net on MNIST, test accuracy rises from about 0.1 to at least 0.6',
      points: 3,
      hint: 'If the spy laws pass and this fails, look at what they do not see: is the loop exiting early, or training on the test set?',
    },
  ],
  diagnoses: [
    {
      failed: [PARTIAL],
      passed: [WHOLE],
      say: 'your epoch length is not a whole number when trainSize / batchSize is not whole, so i % iterPerEpoch is never 0: floor it, and keep it at least 1 (the fix of the book’s PR #90)',
    },
    {
      failed: [WHOLE, PARTIAL],
      passed: [LOSS],
      say: 'your accuracies are recorded at the wrong moments or on the wrong data: after the update of iteration i, exactly when i % iterPerEpoch === 0, on the whole train and test sets',
    },
    {
      failed: [LOSS],
      passed: [UPDATE],
      say: 'your loss is recorded at the wrong moment or on the wrong data: after the update, on the batch of that iteration',
    },
    {
      failed: ['each batch has batchSize rows of xTrain with their matching tTrain rows'],
      passed: [UPDATE],
      say: 'the rows of your x batch and t batch do not match: draw one batchMask per iteration and take the same rows of both, takeRows(xTrain, batchMask) and takeRows(tTrain, batchMask)',
    },
    {
      failed: [SAMPLING],
      passed: ['each batch has batchSize rows of xTrain with their matching tTrain rows'],
      say: 'your batches are not drawn as numpy’s random.choice draws them: a fresh rng.choice(trainSize, batchSize) every iteration, with replacement; not a shuffled slice, and not one batch reused',
    },
    {
      failed: [
        UPDATE,
        'driving a trusted two-layer net on MNIST, test accuracy rises from about 0.1 to at least 0.6',
      ],
      passed: ['each batch has batchSize rows of xTrain with their matching tTrain rows'],
      say: 'your update does not descend, so training on MNIST gets nowhere: subtract learningRate·grad from each parameter; adding it climbs the loss',
    },
    {
      failed: [UPDATE],
      passed: [
        'driving a trusted two-layer net on MNIST, test accuracy rises from about 0.1 to at least 0.6',
      ],
      say: 'your update is not exactly params[key] −= learningRate·grad[key], in place: scale by learningRate, and write into the existing arrays (the network keeps its own arrays, as numpy’s -= does)',
    },
    {
      failed: [
        'onEpoch is called once per record with its epoch, iteration, trainAcc, testAcc and loss',
      ],
      passed: [WHOLE, PARTIAL],
      say: 'onEpoch receives the wrong record: count epochs from 0, as the records are counted, and pass the iteration, trainAcc, testAcc and loss of that record',
    },
    {
      failed: [
        'driving a trusted two-layer net on MNIST, test accuracy rises from about 0.1 to at least 0.6',
      ],
      passed: [
        'each batch has batchSize rows of xTrain with their matching tTrain rows',
        UPDATE,
        SAMPLING,
        WHOLE,
        LOSS,
      ],
      say: 'every small law holds but training on MNIST does not learn: on real data the batches must come from xTrain with their own tTrain rows, never from the test set',
    },
  ],
};
