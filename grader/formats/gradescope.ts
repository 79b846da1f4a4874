// Gradescope's results.json, as its autograder specification documents it: a top-level score
// and one entry per law with name, score, max_score, status, output and visibility.
import type { Grade } from '../grade.ts';
import { explain, runSettings, sealWarning, testName, type GradedTest } from './text.ts';

export type Visibility = 'hidden' | 'after_due_date' | 'after_published' | 'visible';

export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  output_format: 'text';
  tags: string[];
  visibility: Visibility;
}

export interface GradescopeResults {
  score: number;
  output: string;
  output_format: 'text';
  stdout_visibility: Visibility;
  extra_data: { maxScore: number; impl: string; seed: number; numRuns: number };
  tests: GradescopeTest[];
}

export function toGradescope(grade: Grade): GradescopeResults {
  const tests = grade.exercises.flatMap((exercise, i) =>
    exercise.tests.map((test: GradedTest, j): GradescopeTest => ({
      name: testName(exercise, test),
      number: `${i + 1}.${j + 1}`,
      score: test.points,
      max_score: test.maxPoints,
      status: test.status === 'passed' ? 'passed' : 'failed',
      output: explain(test, exercise.diagnosis),
      output_format: 'text',
      tags: [exercise.id, `book ${exercise.book}`],
      visibility: visibilityOf(test),
    })),
  );
  return {
    score: grade.score,
    output: [
      `dlfs-ch4: ${grade.score}/${grade.maxScore} (${runSettings(grade)})`,
      sealWarning(grade),
      process.env.DLFS_SUBMISSION_NOTE ?? '',
    ]
      .filter(Boolean)
      .join('\n\n'),
    output_format: 'text',
    // the run's log may hold other students' names in paths; keep it for the instructor
    stdout_visibility: 'hidden',
    extra_data: {
      maxScore: grade.maxScore,
      impl: grade.impl,
      seed: grade.seed,
      numRuns: grade.numRuns,
    },
    tests,
  };
}

/**
 * Gradescope's `hidden` is meant for tests worth no points (a hidden test with points hides
 * the student's total), so a hidden law that carries points waits for the grades to be
 * published instead.
 */
export function visibilityOf(test: GradedTest): Visibility {
  if (!test.hidden) return 'visible';
  return test.maxPoints > 0 ? 'after_published' : 'hidden';
}
