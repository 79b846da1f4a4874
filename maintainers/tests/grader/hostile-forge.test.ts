// Hostile submissions, part 4: writing the grade, or importing what an exercise may not.
import { describe, it } from 'vitest';
import { expectIsolated, gradeWith, TEST_TIMEOUT_MS } from './hostile-run.ts';

// the import policy's own words, naming the file by its path in the kit (a fixture's, here)
const REFUSED =
  /^maintainers\/tests\/fixtures\/hostile\/import-[\w-]+\.ts imports '.*', but exercise files may import only src\//;

describe('the grade cannot be forged from an exercise file', () => {
  it(
    'writing reports/, importing solutions/, fs, child_process or vitest',
    async () => {
      const run = await gradeWith({
        '01_loss_functions': 'write-reports.ts',
        '02_numerical_diff': 'import-solutions.ts',
        '03_numerical_gradient': 'import-fs.ts',
        '04_gradient_descent': 'import-child-process.ts',
        '07_train_neuralnet': 'import-vitest.ts',
      });
      // expectIsolated also checks that only reports/grade.json was written
      expectIsolated(run, {
        // 1 point is its honest score: a constant answer leaves the inputs unchanged
        '01_loss_functions': { score: 1, message: /42/ },
        '02_numerical_diff': { score: 0, message: REFUSED },
        '03_numerical_gradient': { score: 0, message: REFUSED },
        '04_gradient_descent': { score: 0, message: REFUSED },
        '07_train_neuralnet': { score: 0, message: REFUSED },
      });
    },
    TEST_TIMEOUT_MS,
  );
});
