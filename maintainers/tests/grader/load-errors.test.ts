// Why a student's file could not be graded, in the student's terms (grader/load.ts): the file
// as they know it (folder/NN_id.ts), the line and the parser's own words, never the grader's
// @impl alias nor a path of the machine that graded it. The errors are real ones, from vitest
// importing the hostile fixtures as the grader does.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFailure, loadStudent, LoadError } from '../../../grader/load.ts';
import { EXERCISES } from '../../../grader/manifest/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(ROOT, 'maintainers/tests/fixtures/hostile');
const dir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture as exercises/<id>.ts of a student's folder, and the name the student knows. */
function asExercise(fixture: string, id: string) {
  mkdirSync(path.join(dir, 'exercises'), { recursive: true });
  const file = path.join(dir, 'exercises', `${id}.ts`);
  copyFileSync(path.join(FIXTURES, fixture), file);
  return { file, name: `exercises/${id}.ts` };
}

/** What importing `file` throws. */
async function importError(file: string): Promise<unknown> {
  try {
    await import(file);
  } catch (error) {
    return error;
  }
  throw new Error(`${file} loaded`);
}

/** None of the machine's paths, nor the grader's alias. */
function expectStudentTerms(message: string): void {
  expect(message).not.toContain('@impl');
  expect(message).not.toContain(dir);
  expect(message).not.toContain(ROOT);
  expect(message).not.toMatch(/(^|[\s(['"])\/[\w.-]+\//);
  // eslint-disable-next-line no-control-regex -- a parser's colours must not leak through
  expect(message).not.toMatch(/\x1b/);
}

describe('a file that cannot load, in the student’s terms', () => {
  it("a syntax error gives folder/NN_id.ts:line:column and the parser's words", async () => {
    const { file, name } = asExercise('syntax-error.ts.txt', '02_numerical_diff');
    const message = describeFailure(await importError(file), name);
    expect(message).toBe(
      'exercises/02_numerical_diff.ts:3:49: Expected `,` or `)` but found `;`: ' +
        'the file could not be read as TypeScript, so none of its laws ran',
    );
    expectStudentTerms(message);
  });

  it('a throw while the file loads gives what was thrown and its line', async () => {
    const { file, name } = asExercise('throw-at-import.ts', '03_numerical_gradient');
    const message = describeFailure(await importError(file), name);
    const line =
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('throw')) + 1;
    expect(message).toContain(
      `exercises/03_numerical_gradient.ts threw Error: boom at import while it was loading ` +
        `(at exercises/03_numerical_gradient.ts:${line})`,
    );
    expectStudentTerms(message);
  });

  it('a missing file says so, by the name the student knows', async () => {
    const file = path.join(dir, 'exercises', '04_gradient_descent.ts');
    const message = describeFailure(await importError(file), 'exercises/04_gradient_descent.ts');
    expect(message).toMatch(/^exercises\/04_gradient_descent\.ts is missing: put your/);
    expectStudentTerms(message);
  });

  it("a refused import keeps the policy's words and the file's own name, however the path was written", () => {
    const policy = (where: string) =>
      new Error(
        `${where} imports 'node:fs', but exercise files may import only src/ and each other ` +
          "(e.g. import { dot } from '../src/index.ts').",
      );
    const said =
      "imports 'node:fs', but exercise files may import only src/ and each other " +
      "(e.g. import { dot } from '../src/index.ts').";
    // an absolute path to the student's file becomes the name they know
    const absolute = describeFailure(
      policy(path.join(dir, 'exercises', '02_numerical_diff.ts')),
      'exercises/02_numerical_diff.ts',
    );
    expect(absolute).toBe(`exercises/02_numerical_diff.ts ${said}`);
    expectStudentTerms(absolute);
    // a relative path that merely ends with the file's name is left whole, not cut into
    const relative = describeFailure(
      policy('maintainers/tests/fixtures/hostile/import-fs.ts'),
      'hostile/import-fs.ts',
    );
    expect(relative).toBe(`maintainers/tests/fixtures/hostile/import-fs.ts ${said}`);
  });

  it('a file without the export the spec needs says what it has instead', async () => {
    const entry = EXERCISES.find((e) => e.id === '06_two_layer_net')!;
    const { file } = asExercise('wrong-export.ts', entry.id);
    const load = loadStudent(entry, () => import(file));
    await expect(load).rejects.toThrow(LoadError);
    await expect(load).rejects.toThrow(
      /^exercises\/06_two_layer_net\.ts does not export TwoLayerNet \(it exports TwoLayerNetwork\)/,
    );
    expectStudentTerms(((await load.catch((e: unknown) => e)) as Error).message);
  });
});
