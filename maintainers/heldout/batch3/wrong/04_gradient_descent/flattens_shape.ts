// @mistake starts from a flat copy new NDArray(initX.data.slice(), [initX.size]), so the result is 1-D: right for a (2) initX, but a (2, 3) initX returns shape (6) and a 0-d initX returns shape (1); f is also handed a flat x
// @names none
import { NDArray, numericalGradient } from '../src/index.ts';

export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  const x = new NDArray(initX.data.slice(), [initX.size]);
  for (let i = 0; i < stepNum; i++) {
    const g = numericalGradient(f, x);
    for (let j = 0; j < x.size; j++) x.data[j] = x.data[j] - lr * g.data[j];
  }
  return x;
}
