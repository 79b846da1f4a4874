// Hidden laws of book 4.2's cross-entropy: inputs it must refuse rather than read past y.
import { array, NDArray } from '../../src/index.ts';
import { asNumber, expectClose, expectThrows, type Tolerance } from '../../spec/support/close.ts';
import { exercise } from '../../grader/harness.ts';

// the code under test loads last, after the spec's own modules have captured pristine built-ins
const {
  law,
  impl: { crossEntropyError },
} = await exercise({ id: '01_loss_functions' }, () => import('@impl/01_loss_functions'));

// two terms of −log(y + δ), summed and halved: a few ε of rounding at most
const SUM: Tolerance = { abs: 1e-15, rel: 1e-12 };
const DELTA = 1e-7; // the book's δ inside log(y + δ)

const cee = (y: NDArray, t: NDArray) => asNumber(crossEntropyError(y, t), 'crossEntropyError');

// two samples over three classes; the right answers are 1 and 0
const y = array([
  [0.1, 0.7, 0.2],
  [0.5, 0.3, 0.2],
]);
const twoRowMean = -(Math.log(0.7 + DELTA) + Math.log(0.5 + DELTA)) / 2;

law(
  'label_range',
  {
    name: 'labels outside 0..K−1 are refused with an error',
    points: 1,
    hint: 'A label picks a column of y: check that each one is an integer from 0 to K−1 before you read y[n, t[n]], and throw an Error that names it.',
  },
  () => {
    // the same y with labels in range is answered, so a function that always throws cannot pass
    expectClose(cee(y, array([1, 0])), twoRowMean, SUM, 'crossEntropyError(y (2, 3), [1, 0])');
    expectThrows(() => cee(y, array([1, 3])), 'crossEntropyError(y (2, 3), labels [1, 3])');
    expectThrows(() => cee(y, array([-1, 0])), 'crossEntropyError(y (2, 3), labels [-1, 0])');
    expectThrows(() => cee(y, array([0.5, 0])), 'crossEntropyError(y (2, 3), labels [0.5, 0])');
  },
);

law(
  'one_hot_shape',
  {
    name: 'a one-hot t of another shape with as many elements is refused',
    points: 1,
    hint: 'A t with y.size elements is one-hot only if its shape is the shape of y: a (3, 2) t is not a (2, 3) one, so compare the shapes, not just the sizes.',
  },
  () => {
    const oneHot = array([
      [0, 1, 0],
      [1, 0, 0],
    ]);
    expectClose(cee(y, oneHot), twoRowMean, SUM, 'crossEntropyError(y (2, 3), one-hot t (2, 3))');
    const transposed = array([
      [0, 1],
      [1, 0],
      [0, 0],
    ]);
    expectThrows(() => cee(y, transposed), 'crossEntropyError(y (2, 3), t (3, 2))');
  },
);
