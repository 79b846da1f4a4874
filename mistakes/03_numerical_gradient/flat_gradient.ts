/**
 * @mistake returns the gradient as a flat vector of x.size elements, whatever the shape of x
 * @caughtBy returns the gradient in the shape of x, for a vector, a weight matrix or more axes
 * @diagnosis does not come back in the shape of x
 */
import { NDArray } from '../../src/index.ts';
import { numericalGradient as solution } from '../../solutions/03_numerical_gradient.ts';

export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = solution(f, x);
  return new NDArray(grad.data, [x.size]); // the mistake: (size) instead of x.shape
}
