// Mutation testing of the reference and the trusted library against the specs and the kit's
// tests: `npm run mutation`. Each surviving mutant is a change to solutions/ or src/ that no
// law notices, so either a law is missing or the change is equivalent (see the README).
// Not part of `npm run check`: it reruns the specs once per mutant and takes long on 2 cores.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'grader/mutation/vitest.config.ts', related: false },
  mutate: ['solutions/**/*.ts', 'src/**/*.ts'],
  // only the tests that reach a mutant run against it
  coverageAnalysis: 'perTest',
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // a mutant that loops forever is stopped by the law guard (10 s) before this
  timeoutMS: 15_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
