// @correct copies initX by hand (new NDArray over data.slice()), counts the steps down in a while loop and updates with forEach over the gradient's data
// @names none
import { NDArray, numericalGradient } from '../src/index.ts';

export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr: number = 0.01,
  stepNum: number = 100,
): NDArray {
  const x = new NDArray(initX.data.slice(), initX.shape);
  let remaining = stepNum;
  while (remaining > 0) {
    const grad = numericalGradient(f, x);
    grad.data.forEach((g, j) => {
      x.data[j] -= lr * g;
    });
    remaining--;
  }
  return x;
}
