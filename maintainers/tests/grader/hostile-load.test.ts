// Hostile submissions, part 1: files that cannot load, and code that tries to end the process.
import { describe, it } from 'vitest';
import { expectIsolated, gradeWith, TEST_TIMEOUT_MS } from './hostile-run.ts';

describe.concurrent('a broken exercise costs that exercise only', () => {
  it(
    'a syntax error, a type-only error, a throw, an endless loop and process.exit at import',
    async () => {
      const run = await gradeWith({
        '01_loss_functions': 'syntax_error.ts.txt',
        // types are erased before the code runs: a type error alone costs nothing (see README)
        '02_numerical_diff': 'type_error.ts.txt',
        '03_numerical_gradient': 'throw_at_import.ts',
        '04_gradient_descent': 'loop_at_import.ts',
        '07_train_neuralnet': 'exit_at_import.ts',
      });
      expectIsolated(run, {
        '01_loss_functions': { score: 0, message: /could not be loaded: .*Transform failed/ },
        '02_numerical_diff': { score: 7, message: /^$/ },
        '03_numerical_gradient': {
          score: 0,
          message: /could not be loaded: Error: boom at import/,
        },
        // a loop that computes meets the CPU limit first, however busy the machine: the limit
        // on the clock does not count time spent waiting for a core
        '04_gradient_descent': {
          score: 0,
          message: /^stopped while the exercise file loaded, after 10 s of CPU time, its limit/,
          status: 'timeout',
        },
        '07_train_neuralnet': { score: 0, message: /process\.exit\(\) is not available/ },
      });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'process.kill of itself or of the grader, process.exit in a law, a loop in one law, runaway memory',
    async () => {
      const run = await gradeWith({
        '01_loss_functions': 'kill_self.ts',
        '02_numerical_diff': 'loop_in_function.ts',
        '03_numerical_gradient': 'exit_in_function.ts',
        '04_gradient_descent': 'kill_parent.ts',
        '07_train_neuralnet': 'runaway_memory.ts',
      });
      expectIsolated(run, {
        '01_loss_functions': { score: 0, message: /process\.kill\(\) is not available/ },
        // only the law whose call hangs is lost; the others pass
        '02_numerical_diff': {
          score: 6,
          message: /^stopped after 10 s of CPU time, its limit/,
          status: 'timeout',
        },
        '03_numerical_gradient': { score: 0, message: /process\.exit\(\) is not available/ },
        '04_gradient_descent': { score: 0, message: /process\.kill\(\) is not available/ },
        '07_train_neuralnet': {
          score: 0,
          message: /out of memory|stopped while the exercise file loaded/,
        },
      });
    },
    TEST_TIMEOUT_MS,
  );
});
