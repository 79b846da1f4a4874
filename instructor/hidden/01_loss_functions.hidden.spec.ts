// An instructor's hidden law for book 4.2's cross-entropy, as an example: it checks what the
// stub's header states ("a t with as many elements as y but another shape is refused too"),
// on cases the visible laws leave out. A hidden law may check nothing the header does not say.
import { NDArray } from '../../src/index.ts';
import { classifiedBatchArb, oneHot } from '../../spec/support/arbitraries.ts';
import { asNumber, expectClose, expectThrows } from '../../spec/support/close.ts';
import {
  dims,
  LOGS,
  meanCrossEntropy,
  oneHotVector,
  reshaped,
  sampleArb,
  showBatch,
  showSample,
} from '../../spec/support/losses.ts';
import { exercise, forAll } from '../../grader/harness.ts';
import { suspects } from '../../spec/diagnoses/01_loss_functions.ts';

// the code under test loads last, after the spec's own modules have captured pristine built-ins
const {
  law,
  impl: { crossEntropyError },
} = await exercise({ id: '01_loss_functions' }, () => import('@impl/01_loss_functions'), suspects);

const cee = (y: NDArray, t: NDArray) => asNumber(crossEntropyError(y, t), 'crossEntropyError');

law(
  'one_hot_shape',
  {
    name: 'a t with as many elements as y but another shape is refused, not read as one-hot',
    points: 1,
    hint: 'A t with y.size elements is one-hot only if its shape is the shape of y: a (3, 2) t is not a (2, 3) one, so compare the shapes, not just the sizes.',
    covers: ['A t with as many elements as y but another shape'],
  },
  () => {
    forAll(
      [classifiedBatchArb, sampleArb],
      ({ y, labels, n, k }, one) => {
        // the same y with a one-hot t of its shape is answered, so refusing everything fails
        const t = oneHot(labels, k);
        expectClose(
          cee(reshaped(y), reshaped(t)),
          meanCrossEntropy(y, labels.data),
          LOGS,
          'crossEntropyError(y, one-hot t)',
        );
        const others = [[n * k], [n, k, 1], ...(n === k ? [] : [[k, n]])];
        for (const shape of others) {
          const other = reshaped(t, shape);
          const what = `crossEntropyError(y ${dims(y)}, its one-hot t reshaped to ${dims(other)})`;
          expectThrows(() => cee(y, other), what);
        }
        // one sample: a (K) y with its one-hot as a row (1, K) or a column (K, 1)
        for (const other of [
          [1, one.k],
          [one.k, 1],
        ]) {
          const hot = reshaped(oneHotVector(one.label, one.k), other);
          expectThrows(
            () => cee(reshaped(one.y), hot),
            `crossEntropyError(y (${one.k}), t ${dims(hot)})`,
          );
        }
      },
      (batch, one) => `${showBatch(batch)}; and ${showSample(one)}`,
    );
  },
);
