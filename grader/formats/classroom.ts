// GitHub Classroom's autograding reporter (classroom-resources/autograding-grading-reporter)
// reads one JSON document per runner from the env var `<RUNNER>_RESULTS`, base64-encoded:
// { version, status, max_score, tests: [{ name, status, score, message, test_code, filename,
// line_no, duration }] }. It posts the sum of the tests' scores out of max_score. Classroom has
// no per-test grader for Node, so our workflow produces this document itself.
import type { Grade, Status } from '../grade.ts';
import { clean, explain, runSettings, sealWarning, testName, truncate } from './text.ts';

export type ClassroomStatus = 'pass' | 'fail' | 'error';

export interface ClassroomTest {
  name: string;
  status: ClassroomStatus;
  score: number;
  message: string;
  test_code: string;
  filename: string;
  line_no: number;
  duration: number;
}

export interface ClassroomResults {
  version: 1;
  status: ClassroomStatus;
  max_score: number;
  tests: ClassroomTest[];
}

/** The workflow's runner id; the reporter reads DLFS_RESULTS. */
export const CLASSROOM_RUNNER = 'dlfs';
// GitHub caps a job's outputs at 1 MB; 76 laws × 1,500 characters stays far below that
const MESSAGE_LIMIT = 1_500;

const STATUS: Record<Status, ClassroomStatus> = {
  passed: 'pass',
  failed: 'fail',
  error: 'error',
  timeout: 'error',
};

export function toClassroom(grade: Grade): ClassroomResults {
  const tests = grade.exercises.flatMap((exercise) =>
    exercise.tests.map((test): ClassroomTest => ({
      name: testName(exercise, test),
      status: STATUS[test.status],
      score: test.points,
      message: truncate(explain(test, exercise.diagnosis), MESSAGE_LIMIT),
      test_code: clean(test.reproduce ?? `npm test -- ${exercise.id}`),
      filename: `spec/${exercise.id}.spec.ts`,
      line_no: 0, // a law is a property, not a line; 0 says "unknown"
      duration: 0, // grade.json keeps no timings
    })),
  );
  // the run itself, worth no points: its seed, and a broken seal fails it where the reporter shows
  const seal = sealWarning(grade);
  tests.unshift({
    name: `dlfs-ch4 · ${runSettings(grade)}`,
    status: seal ? 'fail' : 'pass',
    score: 0,
    message: truncate(clean(seal), MESSAGE_LIMIT),
    test_code: 'npm test',
    filename: 'grader/checksums.json',
    line_no: 0,
    duration: 0,
  });
  return {
    version: 1,
    status: tests.every((t) => t.status === 'pass') ? 'pass' : 'fail',
    max_score: grade.maxScore,
    tests,
  };
}

/** The form the reporter reads from `DLFS_RESULTS`. */
export function encodeClassroom(results: ClassroomResults): string {
  return Buffer.from(JSON.stringify(results), 'utf8').toString('base64');
}
