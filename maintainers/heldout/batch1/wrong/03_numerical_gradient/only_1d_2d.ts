// @mistake only handles 1-D and 2-D x (indexing by row and column) and throws an Error for any other shape, e.g. a 3-D or 0-d x, although the header says any shape
// @names none
// Exercise 03 · The numerical gradient (book 4.4)
import { formatShape, NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  if (x.ndim !== 1 && x.ndim !== 2) {
    throw new Error(`numericalGradient: x must be a vector or a matrix, got ${formatShape(x.shape)}`);
  }
  const rows = x.ndim === 2 ? x.shape[0] : 1;
  const cols = x.ndim === 2 ? x.shape[1] : x.shape[0];
  const grad = zerosLike(x);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const tmpVal = x.data[i];
      x.data[i] = tmpVal + H;
      const fxh1 = f(x);
      x.data[i] = tmpVal - H;
      const fxh2 = f(x);
      grad.data[i] = (fxh1 - fxh2) / (2 * H);
      x.data[i] = tmpVal;
    }
  }
  return grad;
}
