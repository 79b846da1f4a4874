// The root vitest config with coverage on, taken by provider.ts, which hands each snapshot to
// both c8 and vitest's own v8 report. `npm run coverage` uses it and names the trees and the
// report folder on the command line (run.ts).
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.ts';

export default defineConfig({
  root: path.resolve(import.meta.dirname, '../..'),
  test: {
    ...base.test,
    coverage: {
      enabled: true,
      provider: 'custom',
      customProviderModule: path.join(import.meta.dirname, 'provider.ts'),
    },
  },
});
