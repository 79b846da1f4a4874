// Values as a student would write them: numbers short, arrays in numpy's print style with
// their shape, so a counterexample reads like the book rather than like generator output.
import { NDArray } from '../../src/index.ts';

const DIGITS = 6; // enough to see an error of 1e-6 relative, short enough to scan

export function formatNumber(x: number, digits = DIGITS): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const rounded = Number(x.toPrecision(digits)); // drops the trailing zeros toExponential keeps
  if (x !== 0 && (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e6)) return rounded.toExponential();
  return String(rounded);
}

/**
 * Two numbers with enough digits that rounding for display moves neither by more than
 * `resolution`, so "expected 0.2, got 0.2" never hides a real difference (up to 17 digits).
 */
export function formatPair(a: number, b: number, resolution: number): [string, string] {
  const fine = (x: number, digits: number) =>
    Math.abs(Number(x.toPrecision(digits)) - x) <= resolution;
  let digits = DIGITS;
  while (digits < 17 && !(fine(a, digits) && fine(b, digits))) digits++;
  return [formatNumber(a, digits), formatNumber(b, digits)];
}

function isNDArrayLike(v: unknown): v is NDArray {
  return (
    typeof v === 'object' &&
    v !== null &&
    'shape' in v &&
    'data' in v &&
    Array.isArray((v as NDArray).shape)
  );
}

function nested(data: ArrayLike<number>, shape: readonly number[], offset: number): string {
  if (shape.length === 0) return formatNumber(data[offset]);
  const [n, ...rest] = shape;
  const stride = rest.reduce((a, b) => a * b, 1);
  const shown = n > 8 ? [0, 1, 2, -1, n - 3, n - 2, n - 1] : [...Array(n).keys()];
  const parts = shown.map((i) => (i < 0 ? '...' : nested(data, rest, offset + i * stride)));
  return `[${parts.join(', ')}]`;
}

/** `array([[0.1, 0.9]]) (1, 2)`, a number, a function's source, or JSON for the rest. */
export function format(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (isNDArrayLike(value)) {
    return `array(${nested(value.data, value.shape, 0)}) with shape (${value.shape.join(', ')})`;
  }
  if (typeof value === 'function') return value.name ? `the function ${value.name}` : 'a function';
  if (Array.isArray(value)) return `[${value.map(format).join(', ')}]`;
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' && value !== null && value.constructor !== Object) {
    return `a ${value.constructor.name}`;
  }
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
