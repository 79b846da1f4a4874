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
import { checkGradescope, readClassroom } from './format-specs.ts';

const KIT = path.resolve(import.meta.dirname, '../../..');
const GRADE_TIMEOUT_MS = 180_000; // one full grade on a busy two-core machine
const temp = () => mkdtempSync(path.join(os.tmpdir(), 'dlfs-bundle-test-'));
const maxOf = (id: string) =>
  EXERCISES.find((e) => e.id === id)!.laws.reduce((a, l) => a + l.points, 0);

describe('the Gradescope bundle', () => {
  it('has setup.sh and run_autograder at its root, valid bash, and no solutions', () => {
    const zip = path.join(temp(), 'autograder.zip');
    buildBundle(zip);
    const names = Object.keys(unzipSync(readFileSync(zip)));
    expect(names).toContain('setup.sh');
    expect(names).toContain('run_autograder');
    expect(names).toContain('grader/cli.mjs');
    expect(names).toContain('package-lock.json');
    expect(names.some((n) => n.startsWith('solutions/') || n.startsWith('maintainers/'))).toBe(
      false,
    );
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
      const root = temp();
      buildBundle(path.join(root, 'source'));
      symlinkSync(path.join(KIT, 'node_modules'), path.join(root, 'source', 'node_modules'), 'dir');
      // a student who zipped their whole folder, finished all but 02, and left a link to the answers
      const exercises = path.join(root, 'submission', 'alice', 'exercises');
      cpSync(path.join(KIT, 'solutions'), exercises, { recursive: true });
      cpSync(
        path.join(KIT, 'exercises', '02_numerical_diff.ts'),
        path.join(exercises, '02_numerical_diff.ts'),
      );
      symlinkSync(path.join(KIT, 'solutions'), path.join(exercises, 'answers'));
      const run = spawnSync('bash', [path.join(root, 'source', 'run_autograder')], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, AUTOGRADER_ROOT: root },
      });
      const results = JSON.parse(readFileSync(path.join(root, 'results', 'results.json'), 'utf8'));
      checkGradescope(results);
      const full = EXERCISES.reduce((a, e) => a + maxOf(e.id), 0);
      expect(results.score, run.stdout + run.stderr).toBe(full - maxOf('02_numerical_diff'));
      expect(existsSync(path.join(root, 'source', 'exercises', 'answers'))).toBe(false);
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

  it('installs with npm ci on Node 20, grades, then feeds the reporter', () => {
    const at = (pred: (s: Record<string, string>) => boolean) => steps.findIndex(pred);
    const install = at((s) => /^npm ci\b/.test(s.run ?? ''));
    const grade = steps.indexOf(gradeStep);
    const reporter = at((s) => s.uses === 'classroom-resources/autograding-grading-reporter@v1');
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with['node-version']).toBe(
      20,
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

  it("hands on the grader's results intact through GITHUB_OUTPUT", () => {
    // run the grade step's script with a stand-in npm that writes a known report
    const dir = temp();
    const grade = buildGrade({ impl: 'exercises', seed: 42, numRuns: 100 }, EXERCISES, new Map());
    mkdirSync(path.join(dir, 'reports'));
    mkdirSync(path.join(dir, 'bin'));
    writeFileSync(path.join(dir, 'report.b64'), encodeClassroom(toClassroom(grade)));
    writeFileSync(
      path.join(dir, 'bin', 'npm'),
      `#!/bin/sh\ncp "${dir}/report.b64" reports/classroom.b64\nexit 1\n`,
      { mode: 0o755 },
    );
    const output = path.join(dir, 'github_output');
    const run = spawnSync('bash', ['-e', '-c', gradeStep.run], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${path.join(dir, 'bin')}:${process.env.PATH}`,
        GITHUB_OUTPUT: output,
      },
    });
    expect(run.status, run.stderr).toBe(0);
    const result = /^result=(.*)$/m.exec(readFileSync(output, 'utf8'))![1];
    const { totalScore, maxScore } = readClassroom({ DLFS_RESULTS: result }, CLASSROOM_RUNNER);
    expect(totalScore).toBe(0);
    expect(maxScore).toBe(grade.maxScore);
  });
});
