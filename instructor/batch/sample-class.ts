// A made-up class for testing batch grading: correct, partial and hostile submissions, as
// folders and zips, each with the grade it must get. `tsx instructor/batch/sample-class.ts <dir> [n]`
// writes one for measuring throughput.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { EXERCISES } from '../../grader/manifest/index.ts';

const KIT = path.resolve(import.meta.dirname, '../..');

interface Kind {
  name: string;
  zip: boolean;
  /** Edits the tree of solutions into this kind of submission; file name → source. */
  edit: (files: Map<string, string>) => void;
  /** Exercises that must earn nothing. */
  zeroed: string[];
  /** Its row's status in grades.csv, when not 'graded'. */
  status?: string;
}

const stub = (id: string) => readFileSync(path.join(KIT, 'exercises', `${id}.ts`), 'utf8');
const prepend = (files: Map<string, string>, id: string, code: string) =>
  files.set(`${id}.ts`, `${code}\n${files.get(`${id}.ts`)}`);

export const KINDS: Kind[] = [
  { name: 'correct', zip: false, edit: () => {}, zeroed: [] },
  { name: 'correct-zip', zip: true, edit: () => {}, zeroed: [] },
  {
    name: 'partial',
    zip: false,
    edit: (files) =>
      ['05_simple_net', '06_two_layer_net', '07_train_neuralnet'].forEach((id) =>
        files.set(`${id}.ts`, stub(id)),
      ),
    zeroed: ['05_simple_net', '06_two_layer_net', '07_train_neuralnet'],
  },
  {
    name: 'syntax-error',
    zip: true,
    edit: (f) => prepend(f, '03_numerical_gradient', 'const = ;'),
    zeroed: ['03_numerical_gradient'],
  },
  {
    name: 'hang-at-import',
    zip: false,
    edit: (f) => prepend(f, '02_numerical_diff', 'while (Date.now() > 0) {}'),
    zeroed: ['02_numerical_diff'],
    status: 'timeout',
  },
  {
    name: 'exit-at-import',
    zip: true,
    edit: (f) => prepend(f, '04_gradient_descent', 'process.exit(0);'),
    zeroed: ['04_gradient_descent'],
  },
];

export interface Submission {
  student: string;
  kind: string;
  /** Points each exercise must earn, by id, and the total. */
  expected: Record<string, number>;
  total: number;
  status: string;
}

/** Writes `count` submissions into `dir`, cycling through the kinds. */
export function makeClass(dir: string, count: number): Submission[] {
  mkdirSync(dir, { recursive: true });
  const solutions = readdirSync(path.join(KIT, 'solutions')).filter((f) => f.endsWith('.ts'));
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % KINDS.length];
    const student = `s${String(i + 1).padStart(2, '0')}-${kind.name}`;
    const files = new Map(
      solutions.map((f) => [f, readFileSync(path.join(KIT, 'solutions', f), 'utf8')]),
    );
    kind.edit(files);
    if (kind.zip) writeZip(path.join(dir, `${student}.zip`), student, files);
    else writeFolder(path.join(dir, student), files);
    const expected = Object.fromEntries(
      EXERCISES.map((e) => [
        e.id,
        kind.zeroed.includes(e.id) ? 0 : e.laws.reduce((a, l) => a + l.points, 0),
      ]),
    );
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    return { student, kind: kind.name, expected, total, status: kind.status ?? 'graded' };
  });
}

function writeFolder(dir: string, files: Map<string, string>): void {
  mkdirSync(path.join(dir, 'exercises'), { recursive: true });
  for (const [name, text] of files) writeFileSync(path.join(dir, 'exercises', name), text);
}

/** A zip of the student's folder, as a student makes one, plus two zip-slip entries. */
function writeZip(file: string, student: string, files: Map<string, string>): void {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of files) entries[`${student}/exercises/${name}`] = Buffer.from(text);
  entries['exercises/../../escaped.ts'] = Buffer.from('export const escaped = true;\n');
  entries['../escaped.ts'] = Buffer.from('export const escaped = true;\n');
  writeFileSync(file, zipSync(entries));
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const [dir, count = '30'] = process.argv.slice(2);
  const made = makeClass(dir, Number(count));
  console.log(`wrote ${made.length} submissions to ${dir}`);
}
