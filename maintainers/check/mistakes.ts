// The mistake gallery as a gate: each file under mistakes/NN_name/ is a plausible wrong
// solution whose header names the law that must catch it (@caughtBy) and, where the
// report should name the mistake, a phrase of that diagnosis (@diagnosis). Each is graded
// in place of its exercise; the step fails if one earns full marks, escapes its law, or
// is not diagnosed as promised. It also measures how many the report names.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unmet, type Grade } from '../../grader/grade.ts';
import type { StepResult } from './run.ts';

export interface Mistake {
  id: string;
  file: string;
  what: string;
  caughtBy: string;
  diagnosis?: string;
}

const PARALLEL = 2; // one grading process per core

export function readGallery(root = 'maintainers/mistakes'): Mistake[] {
  return readdirSync(root).flatMap((id) =>
    readdirSync(path.join(root, id))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => {
        const file = path.join(root, id, f);
        const text = readFileSync(file, 'utf8');
        const tag = (name: string) => new RegExp(`@${name} (.+)`).exec(text)?.[1].trim();
        return {
          id,
          file,
          what: tag('mistake') ?? '',
          caughtBy: tag('caughtBy') ?? '',
          diagnosis: tag('diagnosis'),
        };
      }),
  );
}

function gradeMistake(m: Mistake, reportDir: string): Promise<Grade | undefined> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['grader/cli.mjs', m.id], {
      stdio: 'ignore',
      env: {
        ...process.env,
        IMPL: 'solutions',
        DLFS_IMPL_OVERRIDE: `${m.id}=${m.file}`,
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
function judge(m: Mistake, grade: Grade | undefined): string {
  const exercise = grade?.exercises.find((e) => e.id === m.id);
  if (!exercise) return 'was not graded';
  if (!m.what || !m.caughtBy) return 'needs @mistake and @caughtBy in its header';
  if (exercise.score >= exercise.maxScore) return 'earned full marks';
  const law = exercise.tests.find((t) => t.name === m.caughtBy);
  if (!law) return `names a law that does not exist: ${m.caughtBy}`;
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
  const gallery = readGallery();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-mistakes-'));
  const problems: string[] = [];
  let diagnosed = 0;
  let next = 0;
  const worker = async () => {
    while (next < gallery.length) {
      const index = next++;
      const m = gallery[index];
      const grade = await gradeMistake(m, path.join(dir, String(index)));
      const problem = judge(m, grade);
      if (problem) problems.push(`${m.file} ${problem}`);
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
