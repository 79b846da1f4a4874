// The root vitest config as Stryker can run it. Stryker's vitest runner runs every test file
// in worker threads, and threads refuse the grade project's process flags (heap size, no
// code from strings), so they are left out here; the guard and the watchdog still apply.
// Of the kit's tests only those of src/ run: the rest test the grader and tools, not the
// code under mutation.
import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import base from '../../vitest.config.ts';

const root = path.resolve(import.meta.dirname, '../..');
const projects = (base.test?.projects ?? []) as TestProjectInlineConfiguration[];

export default defineConfig({
  root,
  test: {
    ...base.test,
    projects: projects.map((project) => ({
      ...project,
      test: {
        ...project.test,
        execArgv: [],
        ...(project.test?.name === 'kit'
          ? { include: ['maintainers/tests/src/**/*.test.ts'] }
          : {}),
      },
    })),
  },
});
