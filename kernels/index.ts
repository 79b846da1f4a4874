// The fast kernels, for whoever cares about speed: src/ computes everything with plain loops,
// and useFastKernels() installs faster versions of the same operations through its one seam,
// src/backend.ts. The grader (grader/sandbox/setup.ts), `npm run train` and the bench switch
// them on, so the grade's values are theirs. What they are:
// - the matrix products on WebAssembly SIMD (matmul.wat), the biggest shared between helper
//   threads (team.ts, DLFS_THREADS), small ones on unrolled JS (js.ts): products.ts routes;
// - eˣ by a table method within 1 ulp of Math.exp, for sigmoid, sigmoidGrad and softmax (exp.ts);
// - add, sub, mul and div as a loop per layout, the same bits as the general path
//   (elementwise.ts);
// - outputs allocated without zeroing (alloc.ts).
// docs/KERNELS.md has the measurements behind each choice.
import { installKernels } from '../src/backend.ts';
import { uninitialized } from './alloc.ts';
import { arithmetic } from './elementwise.ts';
import { fastExp } from './exp.ts';
import { rowDot } from './js.ts';
import { loadWasm, products } from './products.ts';

export { productPaths } from './products.ts';
export { threadCount } from './team.ts';

/**
 * Switches src/ to the fast kernels, or back to its own plain loops with `on = false`. The
 * first call loads matmul.wasm; helper threads start at the first product big enough to
 * share, as many as DLFS_THREADS allows (the cores, up to 4, when unset).
 */
export function useFastKernels(on = true): void {
  if (!on) {
    installKernels({});
    return;
  }
  loadWasm();
  installKernels({
    ...products,
    inner: rowDot,
    exp: fastExp,
    arithmetic,
    alloc: uninitialized,
  });
}
