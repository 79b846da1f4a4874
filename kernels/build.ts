// Assembles matmul.wat into the committed matmul.wasm, which wasm.ts loads. wabt is a
// maintainers' tool, slow to load, which every process that switches the kernels on would pay
// if the text were assembled there, as it once was.
// `npm run build:wasm` writes the binary; `npm run check` rebuilds it in memory and fails when
// the committed bytes differ (maintainers/check/wasm.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The text the kernels are written in, and the binary built from it. */
export const MATMUL_WAT = new URL('./matmul.wat', import.meta.url);
export const MATMUL_WASM = new URL('./matmul.wasm', import.meta.url);

/** The bytes of matmul.wat assembled by wabt: deterministic, so they can be compared. */
export async function assembleMatmul(): Promise<Uint8Array> {
  const require = createRequire(import.meta.url);
  const wabt = await (require('wabt') as typeof import('wabt'))();
  const parsed = wabt.parseWat('matmul.wat', readFileSync(MATMUL_WAT, 'utf8'), {
    simd: true,
    bulk_memory: true,
    threads: true, // the shared memory
  });
  try {
    return Uint8Array.from(parsed.toBinary({}).buffer);
  } finally {
    parsed.destroy();
  }
}

/** Writes the assembled binary to `to` (matmul.wasm for `npm run build:wasm`). */
export async function writeMatmulWasm(to: URL | string): Promise<void> {
  writeFileSync(to, await assembleMatmul());
}
