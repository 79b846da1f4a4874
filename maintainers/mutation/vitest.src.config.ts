// The tests of src/ and kernels/ as Stryker runs them: only the kit project, only
// maintainers/tests/src/ and maintainers/tests/kernels/. The grade specs also reach src/, but
// through the solutions and a process per spec file; the unit tests state the contract
// directly and the two folders run in seconds, so a mutant costs little.
import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import base from '../../vitest.config.ts';

const projects = (base.test?.projects ?? []) as TestProjectInlineConfiguration[];
const kit = projects.find((p) => p.test?.name === 'kit');
if (!kit) throw new Error('vitest.config.ts has no kit project');

export default defineConfig({
  root: path.resolve(import.meta.dirname, '../..'),
  test: {
    ...kit.test,
    include: ['maintainers/tests/src/**/*.test.ts', 'maintainers/tests/kernels/**/*.test.ts'],
  },
});
