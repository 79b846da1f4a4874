// The mistake gallery as a gate: each kept mistake (maintainers/mistakes/NN_id.yaml) names
// the law that must catch it (caughtBy, a law's key) and, where the report should name the
// mistake, a phrase of that diagnosis. Each is graded in place of its exercise; the step
// fails if one earns full marks, escapes its law, or is not diagnosed as promised. It also
// measures how many the report names.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unmet, type Grade } from '../../grader/grade.ts';
import { lawByKey, EXERCISES } from '../../grader/manifest/index.ts';
import { materialize, readKeptGallery, type GalleryEntry } from './gallery.ts';
import type { StepResult } from './run.ts';

const PARALLEL = 2; // one grading process per core

function gradeMistake(m: GalleryEntry, dir: string): Promise<Grade | undefined> {
  const file = materialize(m, dir);
  const reportDir = path.join(path.dirname(path.dirname(file)), 'reports');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['grader/cli.mjs', m.id], {
      stdio: 'ignore',
      env: {
        ...process.env,
        IMPL: 'solutions',
        DLFS_IMPL_OVERRIDE: `${m.id}=${file}`,
        DLFS_REPORT_DIR: reportDir,
      },
    });
    child.on('exit', () => {
      try {
        resolve(JSON.parse(readFileSync(path.join(reportDir, 'grade.partial.json'), 'utf8')));
      } catch {
        resolve(undefined);
      }
    });
  });
}

/** What is wrong with how the gallery's entry was graded, or '' when it behaved. */
function judge(m: GalleryEntry, grade: Grade | undefined): string {
  const exercise = grade?.exercises.find((e) => e.id === m.id);
  if (!exercise) return 'was not graded';
  if (!m.mistake || !m.caughtBy) return 'needs a mistake and a caughtBy';
  if (exercise.score >= exercise.maxScore) return 'earned full marks';
  const entry = EXERCISES.find((e) => e.id === m.id)!;
  if (!entry.laws.some((l) => l.key === m.caughtBy))
    return `names a law that does not exist: ${m.caughtBy}`;
  const law = exercise.tests.find((t) => t.name === lawByKey(entry, m.caughtBy).name)!;
  if (law.status === 'passed') return `was not caught by: ${m.caughtBy}`;
  // what the terminal shows as advice (grader/print.ts): the diagnosis, else the first unmet
  // law's hint
  const firstUnmet = exercise.tests.find(unmet);
  const shown = exercise.diagnosis ?? firstUnmet?.hint ?? '';
  if (m.diagnosis && !shown.includes(m.diagnosis)) {
    return `should be diagnosed as "${m.diagnosis}", the report said: ${exercise.diagnosis ?? '(no diagnosis)'}`;
  }
  return '';
}

export async function checkGallery(): Promise<StepResult & { diagnosed: number; total: number }> {
  const gallery = readKeptGallery();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-mistakes-'));
  const problems: string[] = [];
  let diagnosed = 0;
  let next = 0;
  const worker = async () => {
    while (next < gallery.length) {
      const index = next++;
      const m = gallery[index];
      const grade = await gradeMistake(m, dir);
      const problem = judge(m, grade);
      if (problem) problems.push(`${m.id} › ${m.key} ${problem}`);
      else if (m.diagnosis) diagnosed++;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const rate = `${diagnosed}/${gallery.length} named by their diagnosis`;
  return {
    ok: problems.length === 0,
    detail: problems.length ? problems.sort().join('\n') : rate,
    diagnosed,
    total: gallery.length,
  };
}
