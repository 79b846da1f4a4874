// One vitest config, two projects: `grade` runs the exercise specs against the tree that
// IMPL selects (what `npm test` grades), `kit` runs the maintainers' tests of src/ and the
// grader itself. Each spec file gets its own process so one exercise's crash, exit or
// runaway memory costs that exercise only.
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { importPolicy } from './grader/import-policy.ts';
import { readSettings } from './grader/settings.mjs';

const root = import.meta.dirname;
const { impl } = readSettings();

// For the mistake gallery and the kit's own tests: DLFS_IMPL_OVERRIDE='02_numerical_diff=
// mistakes/02_numerical_diff/forward_difference.ts' grades that one file in place of the
// exercise, leaving the rest of the IMPL tree as it is. Listed before the @impl alias, so it wins.
const overrides = (process.env.DLFS_IMPL_OVERRIDE ?? '')
  .split(',')
  .filter(Boolean)
  .map((pair) => {
    const [id, file] = pair.split('=');
    return { find: `@impl/${id}`, replacement: path.resolve(root, file) };
  });

export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        plugins: [importPolicy(root, impl)],
        resolve: {
          alias: [...overrides, { find: '@impl', replacement: path.join(root, impl) }],
        },
        test: {
          name: 'grade',
          include: ['spec/[0-9][0-9]_*.spec.ts'],
          setupFiles: ['spec/support/setup.ts'],
          // the guard stops runaway laws; this only bounds the rare async hang
          testTimeout: 60_000,
        },
      },
      {
        test: { name: 'kit', include: ['test/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
