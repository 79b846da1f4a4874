// The one closeness rule every spec uses, and the kit's own tests (maintainers/tests/) too:
// |actual − expected| ≤ abs + rel·|expected|. Each spec names its tolerances and derives them
// in a comment; this file only applies them and, on failure, names the worst element, both
// values and the error.
import { NDArray } from '../../src/index.ts';
import { format, formatNumber, formatPair } from './format.ts';
import { fail } from '../../grader/law-error.ts';

export interface Tolerance {
  /** One bound for every element, or one per element (a derived bound that varies). */
  abs: number | ArrayLike<number>;
  rel: number;
}

const absAt = (tol: Tolerance, i: number) => (typeof tol.abs === 'number' ? tol.abs : tol.abs[i]);

type Numbers = number | NDArray | ArrayLike<number>;

function flat(x: Numbers): { data: ArrayLike<number>; shape: readonly number[] } {
  if (typeof x === 'number') return { data: [x], shape: [] };
  if (x instanceof NDArray) return x;
  return { data: x, shape: [x.length] };
}

function indexOf(flatIndex: number, shape: readonly number[]): string {
  const index: number[] = [];
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index.unshift(flatIndex % shape[axis]);
    flatIndex = Math.floor(flatIndex / shape[axis]);
  }
  return `[${index.join(', ')}]`;
}

/** Fails unless actual is a number. Students' first mistakes are often `return` typos. */
export function asNumber(value: unknown, what: string): number {
  if (typeof value !== 'number')
    fail(`${what} should return a number, but returned ${format(value)}`);
  return value;
}

/** Fails unless value is an NDArray of the given shape. */
export function asArray(value: unknown, shape: readonly number[] | null, what: string): NDArray {
  if (!(value instanceof NDArray)) {
    fail(`${what} should return an NDArray, but returned ${format(value)}`);
  }
  if (
    shape &&
    (value.shape.length !== shape.length || value.shape.some((n, i) => n !== shape[i]))
  ) {
    fail(
      `${what} should have shape (${shape.join(', ')}), but has shape (${value.shape.join(', ')})`,
    );
  }
  return value;
}

export function expectClose(
  actual: Numbers,
  expected: Numbers,
  tol: Tolerance,
  what: string,
): void {
  const a = flat(actual);
  const e = flat(expected);
  if (a.data.length !== e.data.length) {
    fail(`${what}: expected ${e.data.length} values but got ${a.data.length}`);
  }
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < e.data.length; i++) {
    const err = Math.abs(a.data[i] - e.data[i]);
    const allowed = absAt(tol, i) + tol.rel * Math.abs(e.data[i]);
    // NaN never compares ≤, so a NaN anywhere is reported rather than passed
    const excess = err <= allowed ? 0 : Number.isNaN(err) ? Infinity : err - allowed;
    if (excess > worstExcess || (excess === Infinity && worst < 0)) {
      worst = i;
      worstExcess = excess;
    }
  }
  if (worst < 0) return;
  const at = e.shape.length > 0 ? ` at ${indexOf(worst, e.shape)}` : '';
  const err = Math.abs(a.data[worst] - e.data[worst]);
  const allowed = absAt(tol, worst) + tol.rel * Math.abs(e.data[worst]);
  const [shownExpected, shownActual] = formatPair(e.data[worst], a.data[worst], allowed / 2);
  fail(
    `${what}${at}: expected ${shownExpected}, got ${shownActual} ` +
      `(off by ${formatNumber(err)}, allowed ${formatNumber(allowed)})`,
  );
}

/** Bit-for-bit equality, for "the input is unchanged" laws; -0 and NaN payloads count. */
export function expectIdentical(actual: NDArray, before: Float64Array, what: string): void {
  for (let i = 0; i < before.length; i++) {
    if (!Object.is(actual.data[i], before[i])) {
      // as many digits as it takes to tell them apart, down to the last bit
      const [was, is] = formatPair(before[i], actual.data[i], 0);
      fail(
        `${what} changed: element ${indexOf(i, actual.shape)} was ${was} ` +
          `before the call and is ${is} after it`,
      );
    }
  }
}

/** Whether two Float64Arrays hold the same bits: −0 ≠ 0, and NaN = NaN only with one payload. */
export function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const [x, y] = [
    new Uint32Array(a.buffer, a.byteOffset, a.length * 2),
    new Uint32Array(b.buffer, b.byteOffset, b.length * 2),
  ];
  return x.every((v, i) => v === y[i]);
}

/** Fails unless `call` throws an Error: bad input must be refused, not answered. */
export function expectThrows(call: () => unknown, what: string): void {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    // a stub's TODO is not a refusal: let the harness report it as unfinished work
    if (error instanceof Error && /^TODO\b/.test(error.message)) throw error;
    if (error instanceof Error && error.message.length > 0) return;
    fail(`${what}: threw ${format(error)}, but an Error with a message was expected`);
  }
  fail(`${what}: returned ${format(result)} instead of throwing an Error`);
}
