// Mutation testing of src/, the trusted library, and of kernels/, its fast kernels, against
// their unit tests in maintainers/tests/src/ and maintainers/tests/kernels/ (which runs src/'s
// tests again with the kernels on): `npm run mutation:src`. The root stryker.config.mjs grades
// solutions/ against the specs; this one shares its settings but keeps its own incremental
// file and reports, so either run can resume without disturbing the other. A survivor is a
// change that no unit test notices: kill it with a test, or list it in
// maintainers/mutation/equivalent.json with the reason no test can (`npm run
// mutation:summary` fails on a survivor that is not listed).
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'maintainers/mutation/vitest.src.config.ts', related: false },
  // src/index.ts only re-exports
  mutate: ['src/**/*.ts', '!src/index.ts', 'kernels/**/*.ts'],
  incrementalFile: 'reports/stryker-src-incremental.json',
  htmlReporter: { fileName: 'reports/mutation-src/index.html' },
  jsonReporter: { fileName: 'reports/mutation-src/mutation.json' },
};
