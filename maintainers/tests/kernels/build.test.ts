import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MATMUL_WASM, writeMatmulWasm } from '../../../kernels/build.ts';

describe('the committed WebAssembly binary', () => {
  it('is matmul.wat assembled by npm run build:wasm, byte for byte', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-wasm-'));
    try {
      const rebuilt = path.join(dir, 'matmul.wasm');
      await writeMatmulWasm(rebuilt);
      // a difference means matmul.wat was edited without `npm run build:wasm`
      expect(readFileSync(rebuilt).equals(readFileSync(MATMUL_WASM))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
