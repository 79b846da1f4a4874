// The class's grade book: one row per student, points per exercise in book order, the total,
// and the seed the student's cases were drawn from.
import type { Grade } from '../../grader/grade.ts';

export interface Row {
  student: string;
  grade: Grade;
  /**
   * 'graded'; 'timeout' when a law was stopped at its time limit; or why the grade is all
   * zeros: 'time limit', 'crashed', 'no exercises/ …'.
   */
  status: string;
  seconds: number;
}

export function toCsv(rows: readonly Row[], exerciseIds: readonly string[]): string {
  const header = ['student', ...exerciseIds, 'total', 'max', 'status', 'seconds', 'seed'];
  const lines = rows.map((row) => {
    const points = exerciseIds.map(
      (id) => row.grade.exercises.find((e) => e.id === id)?.score ?? 0,
    );
    return [
      row.student,
      ...points,
      row.grade.score,
      row.grade.maxScore,
      row.status,
      row.seconds.toFixed(1),
      row.grade.seed,
    ];
  });
  return [header, ...lines].map((cells) => cells.map(cell).join(',')).join('\n') + '\n';
}

/** RFC 4180: quote a cell that holds a comma, a quote or a line break; double its quotes. */
export function cell(value: string | number): string {
  const text = String(value);
  // a leading = + - @ would run as a formula in a spreadsheet
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
