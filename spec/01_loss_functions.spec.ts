// Laws of the two losses of book 4.2, each beside the book's worked example where it has one.
import fc from 'fast-check';
import { array, NDArray } from '../src/index.ts';
import {
  classifiedBatchArb,
  classCountArb,
  matrixArb,
  oneHot,
  probabilityRowArb,
} from './support/arbitraries.ts';
import {
  asNumber,
  expectClose,
  expectIdentical,
  expectThrows,
  type Tolerance,
} from './support/close.ts';
import { exercise, forAll } from '../grader/harness.ts';
import { fail } from '../grader/law-error.ts';

// the code under test loads last, after the spec's own modules have captured pristine built-ins
const {
  law,
  impl: { crossEntropyError, meanSquaredError },
} = await exercise(
  {
    id: '01_loss_functions',
    title: 'Loss functions',
    book: '4.2',
    exports: ['meanSquaredError', 'crossEntropyError'],
  },
  () => import('@impl/01_loss_functions'),
);

// A sum of at most 60 terms in any order is off by at most 60·ε ≈ 1.3e-14 relative;
// 1e-12 leaves room for any honest summation order and still sees a factor of N or ½.
const SUM: Tolerance = { abs: 1e-15, rel: 1e-12 };
const DELTA = 1e-7; // the book's δ inside log(y + δ)

// The book's example: the answer is "2"; y1 is confident and right, y2 confident and wrong.
const t2 = array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
const y1 = array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]);
const y2 = array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]);

const mse = (y: NDArray, t: NDArray) => asNumber(meanSquaredError(y, t), 'meanSquaredError');
const cee = (y: NDArray, t: NDArray) => asNumber(crossEntropyError(y, t), 'crossEntropyError');

/** The mean over rows of −log(y[n, label] + δ), written out independently. */
function expectedCee(y: NDArray, labels: NDArray): number {
  const [n, k] = y.shape;
  let sum = 0;
  for (let row = 0; row < n; row++) sum += Math.log(y.data[row * k + labels.data[row]] + DELTA);
  return -sum / n;
}

// A (2, 2) batch and a t whose shape fits neither form of t for it.
const square = array([
  [0.2, 0.8],
  [0.6, 0.4],
]);
const wide = array([
  [0, 1, 0],
  [1, 0, 0],
]);

/** The same y with matching labels is answered, so a function that always throws cannot pass. */
function expectSquareAnswered(): void {
  const expected = -(Math.log(0.8 + DELTA) + Math.log(0.6 + DELTA)) / 2;
  expectClose(cee(square, array([1, 0])), expected, SUM, 'crossEntropyError(y (2, 2), labels (2))');
}

/** A shape as a message may write it: (2, 3), [2,3], 2x3 or 2×3, not inside a longer number. */
const shapePattern = (shape: readonly number[]) =>
  new RegExp(`(?<![\\d.])${shape.join('\\s*[,x×]\\s*')}(?![\\d.])`);

/** Fails unless `call` throws an Error whose message shows the shapes of both y and t. */
function expectShapesNamed(
  call: () => unknown,
  yShape: readonly number[],
  tShape: readonly number[],
  what: string,
): void {
  let message = '';
  expectThrows(() => {
    try {
      return call();
    } catch (error) {
      message = error instanceof Error ? error.message : '';
      throw error;
    }
  }, what);
  const shows = (name: string, shape: readonly number[]) => {
    if (!shapePattern(shape).test(message))
      fail(`${what} threw "${message}", which does not show ${name}'s shape (${shape.join(', ')})`);
  };
  shows('y', yShape);
  shows('t', tShape);
}

const showBatch = (b: { y: NDArray; labels: NDArray }) => `y = ${b.y}, labels = ${b.labels}`;

law(
  'mse_book',
  {
    name: 'meanSquaredError gives the book values 0.0975 and 0.5975',
    points: 1,
    hint: 'Square each difference y − t, add them all up, then halve the total (book 4.2.1).',
  },
  () => {
    expectClose(mse(y1, t2), 0.0975, SUM, 'meanSquaredError(y1, t) with 0.6 on "2"');
    expectClose(mse(y2, t2), 0.5975, SUM, 'meanSquaredError(y2, t) with 0.6 on "7"');
  },
);

law(
  'mse_half_sum',
  {
    name: 'meanSquaredError is half the sum of squares over every element, with no batch mean',
    points: 1,
    hint: 'The book defines E = ½ Σ (y − t)² over every element; it does not divide by N or by the number of elements.',
  },
  () => {
    const pairArb = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }))
      .chain(([n, k]) => fc.tuple(matrixArb(n, k, -2, 2), matrixArb(n, k, -2, 2)));
    forAll(
      [pairArb],
      ([y, t]) => {
        let sum = 0;
        for (let i = 0; i < y.size; i++) sum += (y.data[i] - t.data[i]) ** 2;
        expectClose(mse(y, t), 0.5 * sum, SUM, 'meanSquaredError(y, t)');
      },
      ([y, t]) => `y = ${y}, t = ${t}`,
    );
  },
);

law(
  'cee_book',
  {
    name: 'crossEntropyError gives the book values −log(0.6 + 1e-7) and −log(0.1 + 1e-7)',
    points: 1,
    hint: 'Only the true class contributes: −log(y[true] + δ) with δ = 1e-7 added inside the log (book 4.2.2).',
  },
  () => {
    expectClose(cee(y1, t2), -Math.log(0.6 + DELTA), SUM, 'crossEntropyError(y1, t), about 0.51');
    expectClose(cee(y2, t2), -Math.log(0.1 + DELTA), SUM, 'crossEntropyError(y2, t), about 2.30');
  },
);

law(
  'cee_minimum',
  {
    name: 'cross-entropy is smallest at y = t, where it is −log(1 + 1e-7)',
    points: 1,
    hint: 'Check the sign: the loss is minus the log, so a confident right answer gives almost 0 and a wrong one a large positive value.',
  },
  () => {
    forAll(
      [classifiedBatchArb],
      ({ y, labels, k }) => {
        const t = oneHot(labels, k);
        const atMinimum = cee(t, t);
        expectClose(atMinimum, -Math.log(1 + DELTA), SUM, 'crossEntropyError(t, t)');
        const loss = cee(y, t);
        if (!(loss >= atMinimum))
          fail(`crossEntropyError(y, t) = ${loss} is below its value ${atMinimum} at y = t`);
      },
      showBatch,
    );
  },
);

law(
  'cee_finite',
  {
    name: 'cross-entropy stays finite when y is 0 at the true class: −log(1e-7) ≈ 16.118',
    points: 1,
    hint: 'log(0) is −∞. The book adds δ = 1e-7 inside the log, log(y + δ), not outside it.',
  },
  () => {
    expectClose(
      cee(array([0, 1, 0]), array([1, 0, 0])),
      -Math.log(DELTA),
      SUM,
      'crossEntropyError([0, 1, 0], [1, 0, 0])',
    );
    const y = array([
      [0, 1],
      [0.5, 0.5],
    ]);
    const expected = -(Math.log(DELTA) + Math.log(0.5 + DELTA)) / 2;
    expectClose(
      cee(y, array([0, 1])),
      expected,
      SUM,
      'crossEntropyError([[0, 1], [0.5, 0.5]], labels [0, 1])',
    );
  },
);

law(
  'labels',
  {
    name: 'class labels give the same cross-entropy as one-hot rows',
    points: 1,
    hint: 'When t holds labels (t.size is the batch size, not y.size), pick y[n, t[n]] for each row n (book 4.2.4).',
  },
  () => {
    forAll(
      [classifiedBatchArb],
      ({ y, labels, k }) => {
        // both against the written-out mean, so a constant answer cannot agree with itself
        const expected = expectedCee(y, labels);
        expectClose(cee(y, labels), expected, SUM, 'crossEntropyError(y, labels)');
        expectClose(cee(y, oneHot(labels, k)), expected, SUM, 'crossEntropyError(y, one-hot t)');
      },
      showBatch,
    );
  },
);

law(
  'batch_mean',
  {
    name: 'a batch cross-entropy is the mean of its rows, not the sum or the mean over all elements',
    points: 1,
    hint: 'Divide the summed loss by the batch size N, the number of rows, not by y.size (book 4.2.3).',
  },
  () => {
    forAll(
      [classifiedBatchArb],
      ({ y, labels, k }) => {
        expectClose(
          cee(y, oneHot(labels, k)),
          expectedCee(y, labels),
          SUM,
          'crossEntropyError of the batch',
        );
      },
      showBatch,
    );
  },
);

law(
  'one_sample',
  {
    name: 'a 1-D y is one sample',
    points: 1,
    hint: 'Treat a 1-D y of shape (K) as a batch of one, shape (1, K), as the book does with reshape.',
  },
  () => {
    const rowArb = classCountArb.chain((k) =>
      fc.tuple(probabilityRowArb(k), fc.integer({ min: 0, max: k - 1 })),
    );
    forAll(
      [rowArb],
      ([row, label]) => {
        const y = array(row);
        const expected = -Math.log(row[label] + DELTA);
        const t = new NDArray(oneHot(array([label]), row.length).data, [row.length]);
        expectClose(cee(y, t), expected, SUM, 'crossEntropyError(y, one-hot t), both of shape (K)');
        expectClose(
          cee(y, array([label])),
          expected,
          SUM,
          'crossEntropyError(y, label) with t of shape (1)',
        );
      },
      ([row, label]) => `y = ${array(row)}, true class ${label}`,
    );
  },
);

law(
  'refuses_shapes',
  {
    name: 'mismatched shapes are refused with an error',
    points: 1,
    hint: 'Check the shapes on entry: y is (K) or (N, K), one-hot t has the whole shape of y (as many elements is not enough), labels are one per row. Throw an Error otherwise.',
  },
  () => {
    expectSquareAnswered();
    expectThrows(() => cee(square, wide), 'crossEntropyError(y (2, 2), t (2, 3))');
    expectThrows(() => cee(square, array([1, 0, 1])), 'crossEntropyError(y (2, 2), labels (3))');
    // three axes are neither (K) nor (N, K), however the labels fit the first one
    const cube = new NDArray(new Float64Array(8).fill(0.5), [2, 2, 2]);
    expectThrows(() => cee(cube, array([1, 0])), 'crossEntropyError(y (2, 2, 2), labels (2))');
    expectThrows(() => mse(square, wide), 'meanSquaredError(y (2, 2), t (2, 3))');
    expectThrows(() => mse(square, array([0, 1])), 'meanSquaredError(y (2, 2), t (2))');
    // as many elements is not the same shape: numpy would broadcast (2) − (2, 1) to (2, 2)
    expectThrows(
      () => mse(array([0.2, 0.8]), array([[0], [1]])),
      'meanSquaredError(y (2), t (2, 1))',
    );
  },
);

law(
  'names_shapes',
  {
    name: 'a mismatched shape is refused with a message naming both shapes',
    points: 1,
    hint: 'Say which shapes clash, e.g. "y (2, 2) and t (2, 3) differ": print y.shape and t.shape in the message, not just "shapes differ".',
  },
  () => {
    expectSquareAnswered();
    expectShapesNamed(
      () => cee(square, wide),
      [2, 2],
      [2, 3],
      'crossEntropyError(y (2, 2), t (2, 3))',
    );
    expectShapesNamed(
      () => cee(square, array([1, 0, 1])),
      [2, 2],
      [3],
      'crossEntropyError(y (2, 2), labels (3))',
    );
    expectShapesNamed(
      () => mse(square, wide),
      [2, 2],
      [2, 3],
      'meanSquaredError(y (2, 2), t (2, 3))',
    );
  },
);

law(
  'pure',
  {
    name: 'neither function modifies its inputs',
    points: 1,
    hint: 'Compute into new variables or arrays; never write into y.data or t.data.',
  },
  () => {
    forAll(
      [classifiedBatchArb],
      ({ y, labels, k }) => {
        const t = oneHot(labels, k);
        const [yBefore, tBefore, labelsBefore] = [
          y.data.slice(),
          t.data.slice(),
          labels.data.slice(),
        ];
        mse(y, t);
        cee(y, t);
        cee(y, labels);
        expectIdentical(y, yBefore, 'y');
        expectIdentical(t, tBefore, 't');
        expectIdentical(labels, labelsBefore, 'the labels');
      },
      showBatch,
    );
  },
);
