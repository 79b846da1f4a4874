// The galleries as a gate (see gallery.ts). Every entry is graded in place of its exercise.
// A wrong solution must lose points (a kept one, to the law it names); a correct one must earn
// full marks with no diagnosis. A diagnosis counts as named when its mistake is among those the
// entry's review accepts, and as wrong when it names any other: the grader told a student of
// a mistake their code does not contain. The step fails on any escape, lost point or wrong
// diagnosis, and reports how many mistakes each gallery's reports named.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Grade } from '../../grader/grade.ts';
import { EXERCISES, lawByKey } from '../../grader/manifest/index.ts';
import { materialize, readHeldOutGallery, readKeptGallery, type GalleryEntry } from './gallery.ts';
import type { StepResult } from './run.ts';

const PARALLEL = 2; // one grading process per core

export interface Verdict {
  entry: GalleryEntry;
  /** What went wrong with how it was graded; '' when it behaved. */
  problem: string;
  /** The mistakes the report named, by suspect key. */
  said: string[];
  named: boolean;
  unreviewed: boolean;
}

function gradeEntry(m: GalleryEntry, dir: string): Promise<Grade | undefined> {
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

/** How one entry fared, from the grade its file earned. */
export function judge(m: GalleryEntry, grade: Grade | undefined): Verdict {
  const verdict = (problem: string, said: string[] = [], named = false): Verdict => ({
    entry: m,
    problem,
    said,
    named,
    unreviewed: m.names === undefined,
  });
  const exercise = grade?.exercises.find((e) => e.id === m.id);
  if (!exercise) return verdict('was not graded');
  const said = [...new Set(exercise.tests.flatMap((t) => t.diagnosisKeys ?? []))];
  if (m.mistake === undefined) {
    if (exercise.score < exercise.maxScore) {
      const lost = exercise.tests.find((t) => t.status !== 'passed');
      return verdict(`is correct but lost points: ${lost?.name}: ${lost?.message}`, said);
    }
    return verdict(said.length ? `is correct but was diagnosed: ${said.join(', ')}` : '', said);
  }
  if (exercise.score >= exercise.maxScore) return verdict('earned full marks', said);
  if (m.caughtBy) {
    const entry = EXERCISES.find((e) => e.id === m.id)!;
    if (!entry.laws.some((l) => l.key === m.caughtBy))
      return verdict(`names a law that does not exist: ${m.caughtBy}`, said);
    const law = exercise.tests.find((t) => t.name === lawByKey(entry, m.caughtBy!).name);
    if (law?.status === 'passed') return verdict(`was not caught by: ${m.caughtBy}`, said);
  }
  const accepted = m.names;
  if (accepted === undefined) return verdict('', said);
  const wrong = said.filter((key) => !accepted.includes(key));
  if (wrong.length > 0)
    return verdict(`was diagnosed with a mistake it does not contain: ${wrong.join(', ')}`, said);
  return verdict('', said, said.length > 0);
}

export async function gradeGallery(entries: readonly GalleryEntry[]): Promise<Verdict[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-gallery-'));
  const verdicts: Verdict[] = new Array(entries.length);
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const index = next++;
      verdicts[index] = judge(entries[index], await gradeEntry(entries[index], dir));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return verdicts;
}

/** 'kept: 58 mistakes, 58 caught, 40 named (69%), 0 wrong diagnoses'. */
export function summarize(name: string, verdicts: readonly Verdict[]): string {
  const wrong = verdicts.filter((v) => v.entry.mistake !== undefined);
  const correct = verdicts.filter((v) => v.entry.mistake === undefined);
  const caught = wrong.filter(
    (v) => !/earned full marks|was not caught|not graded/.test(v.problem),
  );
  const named = wrong.filter((v) => v.named).length;
  const misnamed = verdicts.filter((v) => /does not contain|was diagnosed/.test(v.problem)).length;
  const percent = wrong.length ? Math.round((100 * named) / wrong.length) : 0;
  const unreviewed = verdicts.filter((v) => v.unreviewed).length;
  return (
    `${name}: ${wrong.length} mistakes, ${caught.length} caught, ${named} named (${percent}%), ` +
    `${misnamed} wrong diagnoses` +
    (correct.length
      ? `; ${correct.length} correct solutions, ${correct.filter((v) => !v.problem).length} at full marks without a diagnosis`
      : '') +
    (unreviewed ? `; ${unreviewed} awaiting review of their names` : '')
  );
}

export async function checkGalleries(): Promise<StepResult> {
  const kept = await gradeGallery(readKeptGallery());
  const heldOut = await gradeGallery(readHeldOutGallery());
  const problems = [...kept, ...heldOut]
    .filter((v) => v.problem)
    .map((v) => `${v.entry.gallery} ${v.entry.id} › ${v.entry.key} ${v.problem}`);
  const summary = [summarize('kept', kept), summarize('held out', heldOut)].join('\n');
  return {
    ok: problems.length === 0,
    detail: problems.length ? `${summary}\n${problems.sort().join('\n')}` : summary,
  };
}
