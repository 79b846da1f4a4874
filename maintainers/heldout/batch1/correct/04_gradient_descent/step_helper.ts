// @correct factors one update into an in-place sgdStep(x, grad, lr) helper applied to a working copy of initX, counting the steps from 1 to stepNum
// @names none
// Exercise 04 · Gradient descent (book 4.4.1)
//
//   x ← x − lr · ∇f(x)        lr: the learning rate, a hyperparameter set by hand
import { copy, NDArray, numericalGradient } from '../src/index.ts';

const DEFAULT_LR = 0.01;
const DEFAULT_STEPS = 100;

// x ← x − lr·grad, element by element, in place
function sgdStep(x: NDArray, grad: NDArray, lr: number): void {
  for (let j = 0; j < x.size; j++) x.data[j] = x.data[j] - lr * grad.data[j];
}

/** x after stepNum steps x ← x − lr·∇f(x) from initX. */
export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = DEFAULT_LR,
  stepNum = DEFAULT_STEPS,
): NDArray {
  const x = copy(initX); // initX stays as the caller gave it
  for (let i = 1; i <= stepNum; i++) {
    sgdStep(x, numericalGradient(f, x), lr);
  }
  return x;
}
