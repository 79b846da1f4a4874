// Laws of the two losses of book 4.2, each beside the book's worked example where it has one.
import { NDArray } from '../src/index.ts';
import { classifiedBatchArb, oneHot } from './support/arbitraries.ts';
import { asNumber, expectClose, expectThrows } from './support/close.ts';
import {
  bookExample,
  DELTA,
  dims,
  expectInputsKept,
  expectShapesNamed,
  halfSumOfSquares,
  LOGS,
  meanCrossEntropy,
  nd,
  oneHotVector,
  reshaped,
  samePairArb,
  SQUARES,
  sampleArb,
  showBatch,
  showSample,
} from './support/losses.ts';
import { exercise, forAll } from '../grader/harness.ts';
import { suspects } from './diagnoses/01_loss_functions.ts';

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
    ownWork: ['crossEntropyError'],
    context: ['A loss measures how far'],
  },
  () => import('@impl/01_loss_functions'),
  suspects,
);

const mse = (y: NDArray, t: NDArray) => asNumber(meanSquaredError(y, t), 'meanSquaredError');
const cee = (y: NDArray, t: NDArray) => asNumber(crossEntropyError(y, t), 'crossEntropyError');
// each loss gets copies, so code that writes into its inputs cannot move the oracle's answer
function expectCee(y: NDArray, t: NDArray, labels: NDArray, what: string) {
  const expected = meanCrossEntropy(y, labels.data);
  expectClose(cee(reshaped(y), t), expected, LOGS, `crossEntropyError(y, ${what}`);
}
const expectMse = (y: NDArray, t: NDArray) =>
  expectClose(mse(reshaped(y), reshaped(t)), halfSumOfSquares(y, t), SQUARES, 'meanSquaredError');

law(
  'mse_book',
  {
    name: 'meanSquaredError gives the book values 0.0975 and 0.5975',
    points: 1,
    hint: 'Square each difference y − t, add them all up, then halve the total (book 4.2.1).',
    covers: ['½ Σ (y − t)²'],
  },
  () => {
    const { t, y1, y2 } = bookExample();
    expectClose(mse(y1, t), 0.0975, SQUARES, 'meanSquaredError(y1, t) with 0.6 on "2"');
    expectClose(mse(y2, reshaped(t)), 0.5975, SQUARES, 'meanSquaredError(y2, t) with 0.6 on "7"');
  },
);

law(
  'mse_half_sum',
  {
    name: 'meanSquaredError is half the sum of squares over every element of any shape, with no mean',
    points: 1,
    hint: 'The book defines E = ½ Σ (y − t)² over every element, whatever the shape; it divides by neither N nor the number of elements.',
    covers: ['over every element, no mean', 'meanSquaredError takes y and t of one same shape'],
  },
  () => {
    forAll(
      [samePairArb],
      ([y, t]) => expectMse(y, t),
      ([y, t]) => `y = ${y}, t = ${t}`,
    );
  },
);

law(
  'mse_refuses',
  {
    name: 'meanSquaredError refuses a t whose shape is not the shape of y, even with as many elements',
    points: 1,
    hint: 'Compare the shapes, not the sizes: a t of shape (2, 1) is not a y of shape (2), though both hold 2 numbers. Throw an Error when they differ.',
    covers: ['Any other t is refused', 'A t with as many elements as y but another shape'],
  },
  () => {
    forAll(
      [samePairArb],
      ([y, t]) => {
        // the same y with a t of its shape is answered, so refusing everything fails
        expectMse(y, t);
        const longer = nd(new Float64Array(t.size + 1), [t.size + 1]);
        for (const other of [reshaped(t, [...t.shape, 1]), reshaped(t, [1, ...t.shape]), longer])
          expectThrows(() => mse(y, other), `meanSquaredError(y ${dims(y)}, t ${dims(other)})`);
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
    covers: ['−(1/N) Σₙ log(y[n, tₙ] + δ)', 'Write crossEntropyError yourself'],
  },
  () => {
    const { t, y1, y2 } = bookExample();
    expectClose(cee(y1, t), -Math.log(0.6 + DELTA), LOGS, 'crossEntropyError(y1, t), about 0.51');
    expectClose(cee(y2, reshaped(t)), -Math.log(0.1 + DELTA), LOGS, 'crossEntropyError(y2, t)');
  },
);

law(
  'cee_finite',
  {
    name: 'cross-entropy stays finite where y is 0: −log(1e-7) ≈ 16.118 at the true class, −log(1 + 1e-7) at y = t',
    points: 1,
    hint: 'log(0) is −∞. The book adds δ = 1e-7 inside the log, log(y + δ), not outside it; and only the true class contributes, not the zeros elsewhere.',
    covers: ['δ = 1e-7 keeps log(0) finite'],
  },
  () => {
    const what = 'crossEntropyError([0, 1, 0], [1, 0, 0])';
    expectClose(cee(oneHotVector(1, 3), oneHotVector(0, 3)), -Math.log(DELTA), LOGS, what);
    const y = nd([0, 1, 0.5, 0.5], [2, 2]);
    expectCee(y, nd([0, 1], [2]), nd([0, 1], [2]), 'labels [0, 1]) with y [[0, 1], [0.5, 0.5]]');
    forAll(
      [classifiedBatchArb],
      ({ labels, k }) => {
        const atMinimum = cee(oneHot(labels, k), oneHot(labels, k));
        expectClose(atMinimum, -Math.log(1 + DELTA), LOGS, 'crossEntropyError(t, t)');
      },
      ({ labels, k }) => `y = t = ${oneHot(labels, k)}`,
    );
  },
);

law(
  'batch',
  {
    name: 'a batch’s cross-entropy is the mean over its N rows of −log(y[n, tₙ] + 1e-7), for one-hot t (N, K) and labels t (N)',
    points: 2,
    hint: 'Pick y[n, tₙ] in each row (the 1 of a one-hot row, or the label itself), then divide the summed loss by N, the number of rows, not by y.size (book 4.2.3–4.2.4).',
    covers: ['a batch of N rows', 'one-hot with the shape', 'the mean over the N', '(N) for a'],
  },
  () => {
    forAll(
      [classifiedBatchArb],
      ({ y, labels, k }) => {
        expectCee(y, oneHot(labels, k), labels, 'one-hot t)');
        expectCee(y, reshaped(labels), labels, 'labels)');
      },
      showBatch,
    );
  },
);

law(
  'one_sample',
  {
    name: 'a 1-D y is one sample, with a one-hot t of shape (K) or a label of shape (1)',
    points: 1,
    hint: 'Treat a 1-D y of shape (K) as a batch of one, shape (1, K), as the book does with reshape: N = 1, not K.',
    covers: ['(K), one sample', '(1) for one sample'],
  },
  () => {
    forAll(
      [sampleArb],
      ({ y, label, k }) => {
        const label1 = nd([label], [1]);
        expectCee(y, oneHotVector(label, k), label1, 'one-hot t), both of shape (K)');
        expectCee(y, reshaped(label1), label1, 'label) with t of shape (1)');
      },
      showSample,
    );
  },
);

law(
  'cee_refuses',
  {
    name: 'crossEntropyError refuses a y of three axes and a t that is neither y’s shape nor one label per row',
    points: 1,
    hint: 'Check the shapes on entry: y is (K) or (N, K); one-hot t has the whole shape of y; labels are 1-D, one per row. Throw an Error otherwise.',
    covers: ['A y of any other number of axes', 'Any other t is refused'],
  },
  () => {
    forAll(
      [classifiedBatchArb],
      ({ y, labels, n, k }) => {
        expectCee(y, reshaped(labels), labels, 'labels)'); // so refusing all fails
        const refused = (yy: NDArray, t: NDArray) =>
          expectThrows(() => cee(yy, t), `crossEntropyError(y ${dims(yy)}, t ${dims(t)})`);
        refused(y, nd(new Float64Array(n + 1), [n + 1])); // one label too many
        refused(y, reshaped(labels, [n, 1])); // labels as a column
        refused(y, oneHot(labels, k + 1)); // one-hot over K + 1 classes
        refused(reshaped(y, [n, k, 1]), labels); // three axes, however the labels fit
        const yOf3 = reshaped(y, [1, n, k]); // three axes with a one-hot t of the same shape
        refused(yOf3, reshaped(oneHot(labels, k), [1, n, k]));
      },
      showBatch,
    );
  },
);

law(
  'names_shapes',
  {
    name: 'a mismatched t is refused with a message naming both shapes',
    points: 1,
    hint: 'Say which shapes clash, e.g. "y (2, 2) and t (2, 3) differ": print y.shape and t.shape in the message, not just "shapes differ".',
    covers: ['message names both shapes'],
  },
  () => {
    const y = () => nd([0.2, 0.8, 0.6, 0.4], [2, 2]);
    const wide = () => nd([0, 1, 0, 1, 0, 0], [2, 3]);
    expectShapesNamed('meanSquaredError', meanSquaredError, y(), wide());
    expectShapesNamed('crossEntropyError', crossEntropyError, y(), wide());
    expectShapesNamed('crossEntropyError', crossEntropyError, y(), nd([1, 0, 1], [3]));
  },
);

law(
  'pure',
  {
    name: 'neither function modifies its inputs',
    points: 1,
    hint: 'Compute into new variables or arrays; never write into y.data or t.data, and do not reshape y or t in place.',
    covers: ['Neither function changes y or t.'],
  },
  () => {
    forAll([samePairArb, classifiedBatchArb, sampleArb], ([a, b], batch, one) => {
      const [kept, { y, labels, k }] = [expectInputsKept, batch];
      kept('meanSquaredError', meanSquaredError, a, b);
      kept('crossEntropyError', crossEntropyError, y, oneHot(labels, k));
      kept('crossEntropyError', crossEntropyError, reshaped(y), labels);
      kept('crossEntropyError', crossEntropyError, one.y, oneHotVector(one.label, one.k));
      kept('crossEntropyError', crossEntropyError, reshaped(one.y), nd([one.label], [1]));
    });
  },
);
