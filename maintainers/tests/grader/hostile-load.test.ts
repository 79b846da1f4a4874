// Hostile submissions, part 1: files that cannot load, and code that tries to end the process.
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectIsolated, gradeWith, TEST_TIMEOUT_MS } from './hostile-run.ts';

describe.concurrent('a broken exercise costs that exercise only', () => {
  it(
    'a syntax error, a type-only error, a throw, an endless loop, process.exit, a missing file and a missing export at import',
    async () => {
      const run = await gradeWith({
        '01_loss_functions': 'syntax-error.ts.txt',
        // types are erased before the code runs: a type error alone costs nothing (see README)
        '02_numerical_diff': 'type-error.ts.txt',
        '03_numerical_gradient': 'throw-at-import.ts',
        '04_gradient_descent': 'loop-at-import.ts',
        '05_simple_net': 'no_such_file.ts',
        '06_two_layer_net': 'wrong-export.ts',
        '07_train_neuralnet': 'exit-at-import.ts',
      });
      // each load error names the file as folder/name.ts (an override's folder is the fixtures')
      const LOADS = {
        '01_loss_functions':
          /^dlfs-hostile-\w+\/syntax-error\.ts:3:49: Expected `,` or `\)` but found `;`: the file could not be read as TypeScript/,
        '03_numerical_gradient':
          /^hostile\/throw-at-import\.ts threw Error: boom at import while it was loading \(at hostile\/throw-at-import\.ts:5\)/,
        '05_simple_net': /^hostile\/no_such_file\.ts is missing: /,
        '06_two_layer_net':
          /^hostile\/wrong-export\.ts does not export TwoLayerNet \(it exports TwoLayerNetwork\)/,
      };
      expectIsolated(run, {
        '01_loss_functions': { score: 0, message: LOADS['01_loss_functions'] },
        '02_numerical_diff': { score: 7, message: /^$/ },
        '03_numerical_gradient': { score: 0, message: LOADS['03_numerical_gradient'] },
        // a loop that computes meets the CPU limit first, however busy the machine: the limit
        // on the clock does not count time spent waiting for a core
        '04_gradient_descent': {
          score: 0,
          message: /^stopped while the exercise file loaded, after 10 s of CPU time, its limit/,
          status: 'timeout',
        },
        '05_simple_net': { score: 0, message: LOADS['05_simple_net'] },
        '06_two_layer_net': { score: 0, message: LOADS['06_two_layer_net'] },
        '07_train_neuralnet': { score: 0, message: /process\.exit\(\) is not available/ },
      });
      for (const id of Object.keys(LOADS)) {
        const { loadError } = run.grade.exercises.find((e) => e.id === id)!;
        expect(loadError, id).toBeDefined();
        // the student's terms: not the grader's alias, not a path of the grading machine
        expect(loadError, id).not.toMatch(/@impl|\/tmp\/|\/work\/|\/home\//);
        expect(loadError, id).not.toContain(os.tmpdir() + path.sep);
        // said once, under its exercise, with no law's hint beside it
        expect(run.output.split(loadError!), id).toHaveLength(2);
      }
      expect(run.output).not.toMatch(/hint: /);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'process.kill of itself or of the grader, process.exit in a law, a loop in one law, runaway memory',
    async () => {
      const run = await gradeWith({
        '01_loss_functions': 'kill-self.ts',
        '02_numerical_diff': 'loop-in-function.ts',
        '03_numerical_gradient': 'exit-in-function.ts',
        '04_gradient_descent': 'kill-parent.ts',
        '07_train_neuralnet': 'runaway-memory.ts',
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
