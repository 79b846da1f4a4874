// Files of solutions/ and src/ that the specs and kit tests do not yet reach in full, each
// with what is missing. The coverage step fails on any other file below 100% lines and
// branches, and on a listed file that has reached 100% (so this list only shrinks).
export const KNOWN_GAPS: Record<string, string> = {
  'solutions/01_loss_functions.ts':
    'no law feeds a label outside 0..K−1 or a one-hot t of the wrong shape (lines 37–39, 47–48)',
  'src/functions.ts': 'no kit test gives crossEntropyError a 0-D or 3-D y (line 56)',
  'src/idx.ts': 'no kit test feeds a corrupt gzip file or a file shorter than 4 bytes',
  'src/linalg.ts': 'no kit test passes a wrong-shaped `out` to dot (line 50) or inner (line 92)',
  'src/mnist.ts': 'no kit test feeds images of a partial row or a value off the k/255 levels',
  'src/ndarray.ts': 'error paths: a non-Float64Array, a ragged row, a bad shape to full, takeRows of a 0-D array',
  'src/ops.ts': 'transpose of a 3-D array (line 98) and mean with a negative axis (line 163)',
  'src/kernels/wasm.ts': 'the fallback when WebAssembly SIMD or wabt is missing (lines 170–171)',
};
