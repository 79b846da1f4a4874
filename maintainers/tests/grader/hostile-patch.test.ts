// Hostile submissions, part 3: changing built-ins or reaching the test runner to pass.
import { describe, it } from 'vitest';
import { expectIsolated, gradeWith, TEST_TIMEOUT_MS } from './hostile-run.ts';

describe.concurrent('a submission cannot pass by changing what checks it', () => {
  it(
    'Math, Array.prototype and console, patched at import or inside a law',
    async () => {
      const run = await gradeWith({
        '01_loss_functions': 'patch-math.ts',
        '02_numerical_diff': 'patch-console.ts',
        '03_numerical_gradient': 'patch-math-in-function.ts',
        '04_gradient_descent': 'patch-array.ts',
        '07_train_neuralnet': 'patch-array-in-function.ts',
      });
      expectIsolated(run, {
        '01_loss_functions': { score: 0, message: /read only property 'abs'/ },
        '02_numerical_diff': { score: 0, message: /changed console\.log when your file loaded/ },
        '03_numerical_gradient': { score: 0, message: /read only property 'abs'/ },
        '04_gradient_descent': { score: 0, message: /changed Array\.prototype\.(map|every)/ },
        // it fails its laws before the afterEach check sees the patch; what counts is the 0
        '07_train_neuralnet': { score: 0, message: /./ },
      });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "Object.prototype, vitest's worker state and expect, and its IPC channel",
    async () => {
      const run = await gradeWith({
        '01_loss_functions': 'patch-object-prototype.ts',
        '03_numerical_gradient': 'reach-runner-in-function.ts',
        '04_gradient_descent': 'reach-expect.ts',
        '07_train_neuralnet': 'ipc-send.ts',
      });
      expectIsolated(run, {
        '01_loss_functions': { score: 0, message: /changed Object\.prototype\.state/ },
        '03_numerical_gradient': { score: 0, message: /42/ },
        // the specs judge with their own checks, never with expect, so its state cannot help
        '04_gradient_descent': { score: 0, message: /jest-matchers-object|returned 42/ },
        '07_train_neuralnet': { score: 0, message: /send is not available/ },
      });
    },
    TEST_TIMEOUT_MS,
  );

  // vitest defines globalThis.__vitest_index__ (its API, vi.doMock included) before any setup
  // file runs; grader/sandbox/preload.mjs makes that definition configurable so setup.ts can
  // reserve it, and the file that reaches for it fails to load
  it(
    "vitest's module mocker, reached through __vitest_index__",
    async () => {
      const run = await gradeWith({ '02_numerical_diff': 'reach-runner.ts' });
      expectIsolated(run, {
        '02_numerical_diff': { score: 0, message: /__vitest_index__ is not available/ },
      });
    },
    TEST_TIMEOUT_MS,
  );
});
