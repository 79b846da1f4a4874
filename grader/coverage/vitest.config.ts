// The root vitest config with one more setup file, collect.ts, in both projects, so that
// c8 can report what the specs and the kit tests reached. `npm run coverage` uses it.
import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import base from '../../vitest.config.ts';

const root = path.resolve(import.meta.dirname, '../..');
const collect = path.join(import.meta.dirname, 'collect.ts');

const projects = (base.test?.projects ?? []) as TestProjectInlineConfiguration[];

export default defineConfig({
  root,
  test: {
    ...base.test,
    projects: projects.map((project) => ({
      ...project,
      test: {
        ...project.test,
        // first, so its profiler is running before any graded module loads
        setupFiles: [collect, ...[project.test?.setupFiles ?? []].flat()],
      },
    })),
  },
});
