/**
 * @mistake a home-made gradient whose step grows with |x| (h·max(1, |x|)), so x never freezes at lr = 10
 * @caughtBy lr = 10 diverges and then freezes at the book value (−2.58983747e13, −1.29524862e12), where x ± h == x
 * @diagnosis does not freeze where the book
 */
import { copy, NDArray, zerosLike } from '../../../src/index.ts';

const H = 1e-4;

function relativeGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  for (let i = 0; i < x.size; i++) {
    const tmp = x.data[i];
    const h = H * Math.max(1, Math.abs(tmp)); // the mistake: a step that scales with x
    x.data[i] = tmp + h;
    const fPlus = f(x);
    x.data[i] = tmp - h;
    const fMinus = f(x);
    grad.data[i] = (fPlus - fMinus) / (2 * h);
    x.data[i] = tmp;
  }
  return grad;
}

export function gradientDescent(
  f: (x: NDArray) => number,
  initX: NDArray,
  lr = 0.01,
  stepNum = 100,
): NDArray {
  const x = copy(initX);
  for (let i = 0; i < stepNum; i++) {
    const grad = relativeGradient(f, x);
    for (let j = 0; j < x.size; j++) x.data[j] -= lr * grad.data[j];
  }
  return x;
}
