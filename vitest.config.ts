// One vitest config, two projects: `grade` runs the exercise specs against the tree that
// IMPL selects (what `npm test` grades), `kit` runs the maintainers' tests of src/ and the
// grader itself. Each spec file gets its own process so one exercise's crash, exit or
// runaway memory costs that exercise only.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig } from 'vitest/config';
import { importPolicy } from './grader/import-policy.ts';
import { gradedFiles } from './grader/settings.mjs';

const root = import.meta.dirname;
// the tree IMPL selects, or a batch submission's copy; overrides put single files in place of
// their exercises (the galleries, the kit's tests). Overrides come before the @impl alias, so
// they win.
const { tree, overrides: overridden } = gradedFiles(root);
const overrides = Object.entries(overridden).map(([id, file]) => ({
  find: `@impl/${id}`,
  replacement: file,
}));

// A spec file's process may not eat the machine (runaway memory dies at this heap size, and
// costs that exercise only) nor compile strings into code (eval, new Function), which would
// run outside the import policy's reach.
const GRADE_HEAP_MB = 1024;
const GRADE_EXEC_ARGV = [
  `--max-old-space-size=${GRADE_HEAP_MB}`,
  '--disallow-code-generation-from-strings',
  // lets setup.ts hide vitest's API global from the student's file (see preload.mjs)
  `--import=${pathToFileURL(path.join(root, 'grader/sandbox/preload.mjs')).href}`,
];

export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        plugins: [
          importPolicy(
            root,
            tree,
            overrides.map((o) => o.replacement),
          ),
        ],
        resolve: {
          alias: [...overrides, { find: '@impl', replacement: tree }],
        },
        test: {
          name: 'grade',
          // instructor/hidden/ holds an instructor's hidden laws; a student release has no such folder
          include: ['spec/[0-9][0-9]_*.spec.ts', 'instructor/hidden/[0-9][0-9]_*.hidden.spec.ts'],
          setupFiles: ['grader/sandbox/setup.ts'],
          execArgv: GRADE_EXEC_ARGV,
          // spec files already run side by side, one process each: src/'s products stay on
          // their one thread (no helper threads, kernels/team.ts)
          env: { DLFS_THREADS: '1' },
          // the guard stops runaway laws; this only bounds the rare async hang
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'kit',
          include: ['maintainers/tests/**/*.test.ts'],
          testTimeout: 60_000,
          // a hook may copy a release or remove its node_modules: seconds when the machine
          // is quiet, many times that when it is busy (vitest's default is 10 s)
          hookTimeout: 120_000,
          // test files run side by side too; maintainers/tests/kernels/team.test.ts asks for its threads itself
          env: { DLFS_THREADS: '1' },
        },
      },
    ],
  },
});
