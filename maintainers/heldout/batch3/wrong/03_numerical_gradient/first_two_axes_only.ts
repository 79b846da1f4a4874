// @mistake walks x as rows × cols from shape[0] and shape[1] only (book-style nested loops for a vector or a matrix): 0-d, 1-D and 2-D x are right, but for 3 or more axes, e.g. (2, 2, 2), only the first rows·cols flat elements get a gradient and the rest stay 0
// @names skips_elements
import { NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4; // central-difference step, as in numerical_diff

/** ∂f/∂x for every element of x, in x's shape. */
export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  const rows = x.ndim >= 1 ? x.shape[0] : 1;
  const cols = x.ndim >= 2 ? x.shape[1] : 1;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const tmp = x.data[i];
      x.data[i] = tmp + H;
      const a = f(x);
      x.data[i] = tmp - H;
      const b = f(x);
      grad.data[i] = (a - b) / (2 * H);
      x.data[i] = tmp;
    }
  }
  return grad;
}
