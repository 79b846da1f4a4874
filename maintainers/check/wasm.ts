// The committed matmul.wasm must be the assembly of matmul.wat as it stands: kernels/wasm.ts
// loads the binary and never reads the text, so an edit to the text alone would change nothing
// that runs. This rebuilds the binary in memory and compares the bytes.
import { readFileSync } from 'node:fs';
import { MATMUL_WASM, assembleMatmul } from '../../kernels/build.ts';
import type { StepResult } from './run.ts';

export async function checkWasm(): Promise<StepResult> {
  const fix = 'run npm run build:wasm and commit kernels/matmul.wasm';
  let committed: Buffer;
  try {
    committed = readFileSync(MATMUL_WASM);
  } catch {
    return { ok: false, detail: `kernels/matmul.wasm is missing: ${fix}` };
  }
  const built = await assembleMatmul();
  if (committed.equals(built)) {
    return { ok: true, detail: `matmul.wasm: ${built.length} bytes, as assembled from matmul.wat` };
  }
  const at = built.findIndex((byte, i) => byte !== committed[i]);
  const where = at < 0 ? `its length (${committed.length}, not ${built.length})` : `byte ${at}`;
  return {
    ok: false,
    detail: `kernels/matmul.wasm differs from the assembly of matmul.wat at ${where}: ${fix}`,
  };
}
