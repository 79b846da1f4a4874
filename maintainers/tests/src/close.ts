// The one closeness rule for the library's tests: |actual − expected| ≤ tol elementwise,
// where tol is a number or one bound per element. A failure names the worst element.
import { NDArray, formatShape } from '../../../src/index.ts';

type Values = NDArray | ArrayLike<number> | number;

const flat = (v: Values): ArrayLike<number> =>
  typeof v === 'number' ? [v] : v instanceof NDArray ? v.data : v;

/** Throws unless every |actual[i] − expected[i]| ≤ tol[i]; NaN only matches NaN. */
export function expectClose(actual: Values, expected: Values, tol: number | ArrayLike<number>) {
  if (actual instanceof NDArray && expected instanceof NDArray) {
    const [a, e] = [formatShape(actual.shape), formatShape(expected.shape)];
    if (a !== e) throw new Error(`shape ${a} differs from the expected ${e}`);
  }
  const [a, e] = [flat(actual), flat(expected)];
  if (a.length !== e.length) throw new Error(`${a.length} values, expected ${e.length}`);
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < a.length; i++) {
    const bound = typeof tol === 'number' ? tol : tol[i];
    const err = Math.abs(a[i] - e[i]);
    const bothNaN = Number.isNaN(a[i]) && Number.isNaN(e[i]);
    const excess = bothNaN ? 0 : Number.isNaN(err) ? Infinity : err - bound;
    if (excess > worstExcess) [worst, worstExcess] = [i, excess];
  }
  if (worst >= 0) {
    const bound = typeof tol === 'number' ? tol : tol[worst];
    throw new Error(
      `element ${worst}: got ${a[worst]}, expected ${e[worst]}, ` +
        `error ${Math.abs(a[worst] - e[worst])} > tolerance ${bound}`,
    );
  }
}

/** True when two Float64Arrays hold the same bits (so −0 ≠ 0 and NaN = NaN). */
export function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const [x, y] = [
    new Uint32Array(a.buffer, a.byteOffset, a.length * 2),
    new Uint32Array(b.buffer, b.byteOffset, b.length * 2),
  ];
  return x.every((v, i) => v === y[i]);
}
