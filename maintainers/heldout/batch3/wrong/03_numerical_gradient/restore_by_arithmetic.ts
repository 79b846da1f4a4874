// @mistake moves x.data[i] by += h, −= 2h, += h instead of saving and writing back the original value: rounding leaves some values an ulp off on return (e.g. 3 → 3.0000000000000004, 2.5 → 2.5000000000000004, −2.2 → −2.1999999999999997; 0.1 or 0.5 come back intact), so x does not hold its original bits; gradients are right
// @names restored_by_arithmetic
import { NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4;

export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const grad = zerosLike(x);
  for (let i = 0; i < x.size; i++) {
    x.data[i] += H;
    const up = f(x);
    x.data[i] -= 2 * H;
    const down = f(x);
    x.data[i] += H; // back to where it was
    grad.data[i] = (up - down) / (2 * H);
  }
  return grad;
}
