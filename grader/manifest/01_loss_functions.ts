import type { ExerciseEntry } from './types.ts';

export const lossFunctions: ExerciseEntry = {
  id: '01_loss_functions',
  title: 'Loss functions',
  book: '4.2',
  exports: ['meanSquaredError', 'crossEntropyError'],
  laws: [
    {
      name: 'meanSquaredError gives the book values 0.0975 and 0.5975',
      points: 1,
      hint: 'Square each difference y − t, add them all up, then halve the total (book 4.2.1).',
    },
    {
      name: 'meanSquaredError is half the sum of squares over every element, with no batch mean',
      points: 1,
      hint: 'The book defines E = ½ Σ (y − t)² over every element; it does not divide by N or by the number of elements.',
    },
    {
      name: 'crossEntropyError gives the book values −log(0.6 + 1e-7) and −log(0.1 + 1e-7)',
      points: 1,
      hint: 'Only the true class contributes: −log(y[true] + δ) with δ = 1e-7 added inside the log (book 4.2.2).',
    },
    {
      name: 'cross-entropy is smallest at y = t, where it is −log(1 + 1e-7)',
      points: 1,
      hint: 'Check the sign: the loss is minus the log, so a confident right answer gives almost 0 and a wrong one a large positive value.',
    },
    {
      name: 'cross-entropy stays finite when y is 0 at the true class: −log(1e-7) ≈ 16.118',
      points: 1,
      hint: 'log(0) is −∞. The book adds δ = 1e-7 inside the log, log(y + δ), not outside it.',
    },
    {
      name: 'class labels give the same cross-entropy as one-hot rows',
      points: 1,
      hint: 'When t holds labels (t.size is the batch size, not y.size), pick y[n, t[n]] for each row n (book 4.2.4).',
    },
    {
      name: 'a batch cross-entropy is the mean of its rows, not the sum or the mean over all elements',
      points: 1,
      hint: 'Divide the summed loss by the batch size N, the number of rows, not by y.size (book 4.2.3).',
    },
    {
      name: 'a 1-D y is one sample',
      points: 1,
      hint: 'Treat a 1-D y of shape (K) as a batch of one, shape (1, K), as the book does with reshape.',
    },
    {
      name: 'mismatched shapes are refused with an error',
      points: 1,
      hint: 'Check the shapes on entry: y is (K) or (N, K), one-hot t has the whole shape of y (as many elements is not enough), labels are one per row. Throw an Error otherwise.',
    },
    {
      name: 'a mismatched shape is refused with a message naming both shapes',
      points: 1,
      hint: 'Say which shapes clash, e.g. "y (2, 2) and t (2, 3) differ": print y.shape and t.shape in the message, not just "shapes differ".',
    },
    {
      name: 'neither function modifies its inputs',
      points: 1,
      hint: 'Compute into new variables or arrays; never write into y.data or t.data.',
    },
  ],
  diagnoses: [
    {
      failed: [
        'a batch cross-entropy is the mean of its rows, not the sum or the mean over all elements',
      ],
      passed: [
        'crossEntropyError gives the book values −log(0.6 + 1e-7) and −log(0.1 + 1e-7)',
        'a 1-D y is one sample',
      ],
      say: 'one sample is right but a batch is not: your batch cross-entropy is not the mean over the rows. Sum −log(y[n, t[n]] + 1e-7) over the N rows and divide by N, not by y.size, and do not leave it a sum (book 4.2.3).',
    },
    {
      failed: ['a mismatched shape is refused with a message naming both shapes'],
      passed: ['mismatched shapes are refused with an error'],
      say: 'your code refuses mismatched shapes, but its message does not say which shapes clash. Put both in it, e.g. "y (2, 2) and t (2, 3) differ", so whoever calls it sees which array is wrong.',
    },
    {
      failed: ['mismatched shapes are refused with an error'],
      passed: ['a mismatched shape is refused with a message naming both shapes'],
      say: 'some shapes that fit no rule were answered instead of refused, as the failure shows: y must be (K) or (N, K), not three axes, and a t of as many elements is not a t of the same shape (numpy would broadcast (2) − (2, 1) to (2, 2) without a word).',
    },
  ],
};
