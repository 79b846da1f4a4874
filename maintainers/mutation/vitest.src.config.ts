// src/'s own tests as Stryker runs them: only the kit project, only maintainers/tests/src/. The grade specs
// also reach src/, but through the solutions and a process per spec file; the unit tests state
// src/'s contract directly and the whole folder runs in seconds, so a mutant costs little.
import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import base from '../../vitest.config.ts';

const projects = (base.test?.projects ?? []) as TestProjectInlineConfiguration[];
const kit = projects.find((p) => p.test?.name === 'kit');
if (!kit) throw new Error('vitest.config.ts has no kit project');

export default defineConfig({
  root: path.resolve(import.meta.dirname, '../..'),
  test: { ...kit.test, include: ['maintainers/tests/src/**/*.test.ts'] },
});
