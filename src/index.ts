// The course's trusted library, the book's common/ and dataset/ in TypeScript. Import
// everything from here. (The fast kernels that the grader and `npm run train` switch on are
// not part of it: they live in kernels/ and change no result beyond rounding.)

// arrays: numpy's ndarray without views or dtypes
export {
  NDArray,
  array,
  copy,
  formatShape,
  full,
  randn,
  reshape,
  sameShape,
  takeRows,
  zeros,
  zerosLike,
} from './ndarray.ts';
// numpy's arithmetic, broadcasting and reductions
export {
  add,
  argmax,
  div,
  elementwise,
  exp,
  log,
  map,
  max,
  mean,
  mul,
  sub,
  sum,
  transpose,
} from './ops.ts';
export { dot, dotNT, dotTN, inner } from './linalg.ts';
export { createRng, type Rng } from './rng.ts';
// common/functions.py and common/gradient.py
export { crossEntropyError, relu, sigmoid, sigmoidGrad, softmax } from './functions.ts';
export { numericalGradient } from './gradient.ts';
// dataset/mnist.py
export { loadMnist, type LoadMnistOptions, type MnistData } from './mnist.ts';
