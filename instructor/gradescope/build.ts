// `npm run gradescope -- <out.zip | out dir>`: the Gradescope autograder bundle. setup.sh and
// run_autograder sit at the root (Gradescope's rule), beside the kit's grader, specs, trusted
// library and stubs. solutions/ and mistakes/ stay out: the bundle grades, it never answers.
import {
  existsSync,
  chmodSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';

const KIT = path.resolve(import.meta.dirname, '../..');
const HERE = import.meta.dirname;
/** What a grading run reads: config, grader, specs, src/ and kernels/, and the stubs for files left out. */
export const BUNDLED = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'vitest.config.ts',
  'grader',
  'spec',
  'instructor/hidden', // the instructor's hidden laws, when the kit has them
  'src',
  'kernels', // the grader switches them on
  'exercises',
];
const SCRIPTS = ['setup.sh', 'run_autograder'];
const EXECUTABLE = 0o755;
const UNIX = 3; // the zip "made by" system whose attributes carry Unix permissions

/** Every file of the bundle: its path inside the bundle → its bytes. */
export function bundleFiles(): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const add = (from: string, to: string) => {
    if (statSync(from).isDirectory()) {
      for (const name of readdirSync(from)) add(path.join(from, name), path.posix.join(to, name));
    } else files.set(to, readFileSync(from));
  };
  for (const entry of BUNDLED.filter((e) => existsSync(path.join(KIT, e)))) {
    add(path.join(KIT, entry), entry);
  }
  for (const script of SCRIPTS) add(path.join(HERE, script), script);
  return files;
}

export function buildBundle(out: string): void {
  const files = bundleFiles();
  if (out.endsWith('.zip')) {
    const entries: Zippable = {};
    for (const [name, data] of files) {
      entries[name] = SCRIPTS.includes(name) ? [data, { os: UNIX, attrs: EXECUTABLE << 16 }] : data;
    }
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    writeFileSync(out, zipSync(entries));
    return;
  }
  for (const [name, data] of files) {
    mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
    writeFileSync(path.join(out, name), data);
  }
  for (const script of SCRIPTS) chmodSync(path.join(out, script), EXECUTABLE);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: npm run gradescope -- <autograder.zip | folder>');
    process.exit(2);
  }
  buildBundle(out);
  console.log(
    `wrote the Gradescope autograder to ${out}; upload it as the assignment's autograder`,
  );
}
