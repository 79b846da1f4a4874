// The engines that grade a class beyond one machine: the Gradescope bundle and the GitHub
// Classroom workflow. Each is checked as its host would use it: the bundle's scripts parse
// and run_autograder grades a fake /autograder; the workflow parses, installs with npm ci,
// grades, and hands Classroom's reporter what it reads.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildBundle } from '../../../instructor/gradescope/build.ts';
import { buildGrade } from '../../../grader/grade.ts';
import { EXERCISES } from '../../../grader/manifest/index.ts';
import { CLASSROOM_RUNNER, encodeClassroom, toClassroom } from '../../../grader/formats/index.ts';
import { seedFromId } from '../../../grader/seed.mjs';
import { checkGradescope, readClassroom } from './format-specs.ts';

const KIT = path.resolve(import.meta.dirname, '../../..');
const GRADE_TIMEOUT_MS = 300_000; // one full grade on a busy two-core machine, with room to spare
const temp = () => mkdtempSync(path.join(os.tmpdir(), 'dlfs-bundle-test-'));
const maxOf = (id: string) =>
  EXERCISES.find((e) => e.id === id)!.laws.reduce((a, l) => a + l.points, 0);
const SOLVED_01 = path.join(KIT, 'solutions', '01_loss_functions.ts');

interface Results {
  score: number;
  output: string;
  tests: Array<{ name: string; score: number; max_score: number }>;
}

/**
 * A fake /autograder: the bundle in source/ (with the kit's node_modules and, as a trap, the
 * reference solutions left in source/exercises/), the student's upload in submission/, and
 * Gradescope's submission_metadata.json. Runs run_autograder and returns results.json.
 */
function gradeUpload(upload: (submission: string) => void, metadata?: object) {
  const root = temp();
  buildBundle(path.join(root, 'source'));
  symlinkSync(path.join(KIT, 'node_modules'), path.join(root, 'source', 'node_modules'), 'dir');
  cpSync(path.join(KIT, 'solutions'), path.join(root, 'source', 'exercises'), { recursive: true });
  mkdirSync(path.join(root, 'submission'));
  upload(path.join(root, 'submission'));
  if (metadata)
    writeFileSync(path.join(root, 'submission_metadata.json'), JSON.stringify(metadata));
  // Gradescope's shell: none of this run's grader or vitest settings
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VITEST|DLFS_|FC_|IMPL$)/.test(key)),
  );
  const run = spawnSync('bash', [path.join(root, 'source', 'run_autograder')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...env, AUTOGRADER_ROOT: root },
  });
  const results = JSON.parse(readFileSync(path.join(root, 'results', 'results.json'), 'utf8'));
  checkGradescope(results);
  return { root, results: results as Results, log: run.stdout + run.stderr };
}

describe('the Gradescope bundle', () => {
  it('has setup.sh and run_autograder at its root, valid bash, and no solutions nor exercises', () => {
    const zip = path.join(temp(), 'autograder.zip');
    buildBundle(zip);
    const names = Object.keys(unzipSync(readFileSync(zip)));
    expect(names).toContain('setup.sh');
    expect(names).toContain('run_autograder');
    expect(names).toContain('grader/cli.mjs');
    expect(names).toContain('package-lock.json');
    // not even the stubs: what is graded is the upload, and only the upload
    expect(names.filter((n) => /^(solutions|maintainers|exercises)\//.test(n))).toEqual([]);
    for (const script of ['setup.sh', 'run_autograder']) {
      const check = spawnSync('bash', ['-n', path.join(KIT, 'instructor/gradescope', script)], {
        encoding: 'utf8',
      });
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
    }
  });

  it(
    'run_autograder grades /autograder/submission into /autograder/results/results.json',
    () => {
      // a student who zipped their whole folder, finished all but 02, and left a link to the answers
      const { root, results, log } = gradeUpload((submission) => {
        const exercises = path.join(submission, 'alice', 'exercises');
        cpSync(path.join(KIT, 'solutions'), exercises, { recursive: true });
        cpSync(
          path.join(KIT, 'exercises', '02_numerical_diff.ts'),
          path.join(exercises, '02_numerical_diff.ts'),
        );
        symlinkSync(path.join(KIT, 'solutions'), path.join(exercises, 'answers'));
      });
      const full = EXERCISES.reduce((a, e) => a + maxOf(e.id), 0);
      expect(results.score, log).toBe(full - maxOf('02_numerical_diff'));
      expect(existsSync(path.join(root, 'source', 'exercises', 'answers'))).toBe(false);
    },
    GRADE_TIMEOUT_MS,
  );

  it(
    'gives 0 to an upload with no exercise files, says so, and never grades what the bundle held',
    () => {
      const { results, log } = gradeUpload((submission) =>
        writeFileSync(path.join(submission, 'README.md'), '# my homework\n'),
      );
      expect(results.score, log).toBe(0);
      expect(results.tests.filter((t) => t.score > 0)).toEqual([]);
      expect(results.output).toMatch(/no exercise files/);
      expect(results.output).toMatch(/every exercise earns 0/);
    },
    GRADE_TIMEOUT_MS,
  );

  it(
    "grades an upload of exercise 01 alone at 01's points, lists what it found, and seeds from the student's id",
    () => {
      const STUDENT_ID = 314159; // Gradescope's users[0].id is a number
      const { results, log } = gradeUpload(
        (submission) => {
          mkdirSync(path.join(submission, 'exercises'));
          cpSync(SOLVED_01, path.join(submission, 'exercises', '01_loss_functions.ts'));
        },
        { id: 1, users: [{ id: STUDENT_ID, email: 'student@example.edu', name: 'A. Student' }] },
      );
      expect(results.score, log).toBe(maxOf('01_loss_functions'));
      for (const test of results.tests)
        expect(test.score, test.name).toBe(test.name.startsWith('01_') ? test.max_score : 0);
      expect(results.output).toContain(
        'Graded from your upload: exercises/01_loss_functions.ts. Any exercise not listed',
      );
      const seed = seedFromId(String(STUDENT_ID));
      expect(seed).not.toBe(42); // not everyone's default
      expect(results.output).toContain(`seed ${seed} (from FC_SEED)`);
    },
    GRADE_TIMEOUT_MS,
  );
});

describe('the GitHub Classroom workflow', () => {
  const workflow = parse(
    readFileSync(path.join(KIT, 'instructor/classroom/classroom.yml'), 'utf8'),
  );
  const steps: Array<Record<string, any>> = workflow.jobs['run-autograding-tests'].steps; // eslint-disable-line @typescript-eslint/no-explicit-any
  const gradeStep = steps.find((s) => s.id === 'dlfs')!;

  it('is the workflow Classroom looks for: on push, allowed to write checks', () => {
    expect(workflow.name).toBe('Autograding Tests');
    expect(workflow.on).toContain('push');
    expect(workflow.permissions.checks).toBe('write');
  });

  it('installs with npm ci on Node 24, the current LTS, grades, then feeds the reporter', () => {
    const at = (pred: (s: Record<string, string>) => boolean) => steps.findIndex(pred);
    const install = at((s) => /^npm ci\b/.test(s.run ?? ''));
    const grade = steps.indexOf(gradeStep);
    const reporter = at((s) => s.uses === 'classroom-resources/autograding-grading-reporter@v1');
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with['node-version']).toBe(
      24,
    );
    expect(install).toBeGreaterThan(-1);
    expect(grade).toBeGreaterThan(install);
    expect(reporter).toBeGreaterThan(grade);
    expect(gradeStep.run).toMatch(/^npm test\b/m);
    const runners = String(steps[reporter].with.runners)
      .split(',')
      .map((r) => r.trim());
    expect(runners).toEqual([CLASSROOM_RUNNER]);
    expect(steps[reporter].env[`${CLASSROOM_RUNNER.toUpperCase()}_RESULTS`]).toBe(
      '${{ steps.dlfs.outputs.result }}',
    );
  });

  it("seeds from the student's repository and hands on the grader's results intact through GITHUB_OUTPUT", () => {
    // run the grade step's script with a stand-in npm that writes a known report and the seed it got
    const dir = temp();
    const grade = buildGrade({ impl: 'exercises', seed: 42, numRuns: 100 }, EXERCISES, new Map());
    mkdirSync(path.join(dir, 'reports'));
    mkdirSync(path.join(dir, 'bin'));
    mkdirSync(path.join(dir, 'grader'));
    cpSync(path.join(KIT, 'grader', 'seed.mjs'), path.join(dir, 'grader', 'seed.mjs'));
    writeFileSync(path.join(dir, 'report.b64'), encodeClassroom(toClassroom(grade)));
    writeFileSync(
      path.join(dir, 'bin', 'npm'),
      `#!/bin/sh\necho "$FC_SEED" > seed.txt\ncp "${dir}/report.b64" reports/classroom.b64\nexit 1\n`,
      { mode: 0o755 },
    );
    const output = path.join(dir, 'github_output');
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !/^(VITEST|DLFS_|FC_|IMPL$)/.test(key)),
    );
    const run = spawnSync('bash', ['-e', '-c', gradeStep.run], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...env,
        PATH: `${path.join(dir, 'bin')}:${process.env.PATH}`,
        GITHUB_OUTPUT: output,
        GITHUB_REPOSITORY: 'dlfs-course/ch4-octo-student',
      },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'seed.txt'), 'utf8').trim()).toBe(
      String(seedFromId('dlfs-course/ch4-octo-student')),
    );
    const result = /^result=(.*)$/m.exec(readFileSync(output, 'utf8'))![1];
    const { totalScore, maxScore } = readClassroom({ DLFS_RESULTS: result }, CLASSROOM_RUNNER);
    expect(totalScore).toBe(0);
    expect(maxScore).toBe(grade.maxScore);
  });
});
