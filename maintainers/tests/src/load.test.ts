// src/ imported inside a test rather than at the top of the file: a module that throws while
// it loads fails this test instead of emptying a whole file, which vitest reports as no tests
// at all and Stryker's runner then counts as a pass.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../../src/', import.meta.url);

describe('src/', () => {
  it('loads with no kernels installed and computes on its own loops', async () => {
    const src = await import('../../../src/index.ts');
    const { fast } = await import('../../../src/backend.ts');
    expect(Object.keys(fast)).toEqual([]);
    expect(src.softmax(src.array([0, 0])).toArray()).toEqual([0.5, 0.5]);
    expect(src.dot(src.array([[1, 2]]), src.array([[3], [4]])).toArray()).toEqual([[11]]);
  });

  it('imports only its own modules and Node’s: importing it starts no kernel, thread or wasm', () => {
    const files = readdirSync(SRC).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('index.ts');
    for (const file of files) {
      const text = readFileSync(new URL(file, SRC), 'utf8');
      for (const [, from] of text.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gms)) {
        expect(from, file).toMatch(/^(\.\/[a-z]+\.ts|node:[a-z_]+)$/);
      }
    }
  });
});
