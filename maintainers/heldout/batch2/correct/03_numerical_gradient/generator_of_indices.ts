// @correct drives the loop with a generator of flat indices and maps a [+h, −h] offset pair to the two f values, building the result array from a bare Float64Array
// @names none
// Exercise 03 (book 4.4): the gradient by central differences, one element at a time, in place.
import { NDArray } from '../src/index.ts';

const STEP = 1e-4;
const OFFSETS = [STEP, -STEP] as const; // first x + h, then x − h

function* flatIndices(n: number): Generator<number> {
  for (let i = 0; i < n; i++) yield i;
}

export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const out = new Float64Array(x.size);
  for (const i of flatIndices(x.size)) {
    const original = x.data[i];
    const [fPlus, fMinus] = OFFSETS.map((d) => {
      x.data[i] = original + d;
      return f(x);
    });
    x.data[i] = original;
    out[i] = (fPlus - fMinus) / (2 * STEP);
  }
  return new NDArray(out, x.shape);
}
