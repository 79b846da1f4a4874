// Hostile submissions, part 2: work that never ends without a loop the guard can see.
import { describe, it } from 'vitest';
import { expectIsolated, gradeWith, TEST_TIMEOUT_MS } from './hostile-run.ts';

describe.concurrent('asynchronous code cannot hang the grader', () => {
  it(
    'a timer that keeps the process alive, endless promise chains, eval-like code',
    async () => {
      const run = await gradeWith({
        '01_loss_functions': 'new-function.ts',
        '02_numerical_diff': 'interval.ts',
        '03_numerical_gradient': 'promise-loop.ts',
        '04_gradient_descent': 'promise-loop-in-function.ts',
      });
      expectIsolated(run, {
        // 1 point is its honest score: a constant answer leaves the inputs unchanged
        '01_loss_functions': { score: 1, message: /42/ },
        // a timer alone does no harm: the file is right, and vitest ends its process
        '02_numerical_diff': { score: 7, message: /^$/ },
        // stopped by the watchdog, or, when a busy machine slows the watchdog, by the heap cap
        // the chain's promises fill first: either way the exercise alone pays
        '03_numerical_gradient': {
          score: 0,
          message: /stopped while (the exercise file loaded|no law was running)|process died/,
        },
        '04_gradient_descent': {
          score: 0,
          message: /42|stopped while no law was running|process died/,
        },
      });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a law that waits on the clock, without computing, past the old 10 s limit',
    async () => {
      const run = await gradeWith({ '02_numerical_diff': 'wait-in-function.ts' });
      expectIsolated(run, { '02_numerical_diff': { score: 7, message: /^$/ } });
    },
    TEST_TIMEOUT_MS,
  );
});
