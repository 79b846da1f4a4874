// Mutation testing of the reference against the specs: `npm run mutation:solutions` (about a
// minute), the first part of `npm run mutation`. Each surviving mutant is a change to solutions/
// that no law notices, so either a law is missing or the change is equivalent, listed with its
// reason in maintainers/mutation/equivalent.json (docs/MUTATION.md). src/ is mutated against its own
// tests by maintainers/mutation/stryker.src.mjs (`npm run mutation:src`), which starts from this.
// Not part of `npm run check`: it reruns tests once per mutant.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'maintainers/mutation/vitest.config.ts', related: false },
  mutate: ['solutions/**/*.ts'],
  // only the tests that reach a mutant run against it
  coverageAnalysis: 'perTest',
  // test runners side by side: this kit's 2 cores; MUTATION_CONCURRENCY=1 leaves one free
  concurrency: Number(process.env.MUTATION_CONCURRENCY) || 2,
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
