// @correct walks y with a stride and a running offset, picks the form of t with a switch on a computed tag and scans each one-hot row for its label itself, instead of reshape and argmax
// @names none
// Loss functions, book 4.2. Written without reshape: one sample is a batch of one row.
import { formatShape, NDArray } from '../src/index.ts';

const DELTA = 1e-7;

function sameDims(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function meanSquaredError(y: NDArray, t: NDArray): number {
  if (!sameDims(y.shape, t.shape)) {
    throw new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  }
  let acc = 0;
  let i = y.size;
  // walk from the front with a countdown; order matters for rounding, so keep it forward
  for (let j = 0; i > 0; i--, j++) {
    const d = y.data[j] - t.data[j];
    acc += d * d;
  }
  return acc * 0.5;
}

type Form = 'onehot' | 'labels' | 'bad';

export function crossEntropyError(y: NDArray, t: NDArray): number {
  const bad = () => new Error(`y ${formatShape(y.shape)} and t ${formatShape(t.shape)} differ`);
  if (y.ndim !== 1 && y.ndim !== 2) throw bad();
  const k = y.shape[y.ndim - 1];
  const n = y.ndim === 2 ? y.shape[0] : 1;

  const form: Form = sameDims(y.shape, t.shape)
    ? 'onehot'
    : t.ndim === 1 && t.shape[0] === n
      ? 'labels'
      : 'bad';

  let total = 0;
  for (let row = 0, offset = 0; row < n; row++, offset += k) {
    let label: number;
    switch (form) {
      case 'onehot': {
        // first position of the row's maximum (a one-hot row has its 1 there)
        let best = 0;
        for (let j = 1; j < k; j++) if (t.data[offset + j] > t.data[offset + best]) best = j;
        label = best;
        break;
      }
      case 'labels':
        label = t.data[row];
        break;
      default:
        throw bad();
    }
    total += Math.log(y.data[offset + label] + DELTA);
  }
  if (form === 'bad') throw bad(); // n = 0 never reaches the switch
  return -total / n;
}
