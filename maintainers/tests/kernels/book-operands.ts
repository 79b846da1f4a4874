// The book's operands for 1000 real MNIST digits, above the size from which products are
// shared: x (1000, 784), W1 (784, 50) and δ (1000, 50). Drawn at the first call, from inside a
// test: Stryker counts code run while a test file loads as run by every test, so loading MNIST
// there would make each mutant of the loader run against the whole of maintainers/tests/src/.
import { createRng, loadMnist, randn, takeRows } from '../../../src/index.ts';

export const ROWS = 1000;

let drawn: { x: Float64Array; W1: Float64Array; delta: Float64Array } | undefined;

export function bookOperands(): { x: Float64Array; W1: Float64Array; delta: Float64Array } {
  if (drawn === undefined) {
    const rng = createRng(5);
    const digits = loadMnist({ oneHotLabel: true }).xTrain;
    drawn = {
      x: takeRows(digits, rng.choice(digits.shape[0], ROWS)).data,
      W1: randn([784, 50], rng).data,
      delta: randn([ROWS, 50], rng).data,
    };
  }
  return drawn;
}
