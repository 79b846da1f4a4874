// @correct a small probe(i, value) helper sets one element and evaluates f; the loop is an Array.from over the flat indices that produces each partial, copied into zerosLike(x) afterwards
// @names none
import { NDArray, zerosLike } from '../src/index.ts';

const H = 1e-4;

export function numericalGradient(f: (x: NDArray) => number, x: NDArray): NDArray {
  const probe = (i: number, value: number): number => {
    x.data[i] = value;
    return f(x);
  };
  const partials = Array.from({ length: x.size }, (_, i) => {
    const saved = x.data[i];
    const hi = probe(i, saved + H);
    const lo = probe(i, saved - H);
    x.data[i] = saved;
    return (hi - lo) / (2 * H);
  });
  const grad = zerosLike(x);
  grad.data.set(partials);
  return grad;
}
