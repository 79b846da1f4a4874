// The manifest and the three trees must agree: each exercise has its stub, solution and
// spec; stub and solution export exactly the manifest's names; the stub still has its
// TODOs and the same header comment as the solution, so a diff shows only the bodies.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXERCISES } from '../../grader/manifest/index.ts';
import type { StepResult } from './run.ts';

export async function checkManifest(): Promise<StepResult> {
  const problems: string[] = [];
  const ids = new Set(EXERCISES.map((e) => e.id));
  for (const tree of ['exercises', 'solutions']) {
    for (const file of readdirSync(tree).filter((f) => f.endsWith('.ts'))) {
      if (!ids.has(file.replace(/\.ts$/, '')))
        problems.push(`${tree}/${file} is not in the manifest`);
    }
  }
  for (const entry of EXERCISES) {
    const files = {
      stub: `exercises/${entry.id}.ts`,
      solution: `solutions/${entry.id}.ts`,
      spec: `spec/${entry.id}.spec.ts`,
    };
    const missing = Object.values(files).filter((f) => !existsSync(f));
    if (missing.length > 0) {
      problems.push(`${entry.id}: missing ${missing.join(', ')}`);
      continue;
    }
    for (const file of [files.stub, files.solution]) {
      const exported = Object.keys(await import(pathToFileURL(path.resolve(file)).href)).sort();
      const expected = [...entry.exports].sort();
      if (exported.join() !== expected.join()) {
        problems.push(`${file} exports [${exported}], the manifest says [${expected}]`);
      }
    }
    const stub = readFileSync(files.stub, 'utf8');
    if (!stub.includes('// TODO:')) problems.push(`${files.stub} has no // TODO: line`);
    if (header(stub) !== header(readFileSync(files.solution, 'utf8'))) {
      problems.push(`${files.stub} and ${files.solution} differ in their header comment`);
    }
    const names = entry.laws.map((l) => l.name);
    if (new Set(names).size !== names.length) problems.push(`${entry.id}: two laws share a name`);
    if (entry.laws.some((l) => !(l.points > 0) || l.hint.trim() === '')) {
      problems.push(`${entry.id}: every law needs positive points and a hint`);
    }
  }
  return { ok: problems.length === 0, detail: problems.join('\n') };
}

/** The leading comment block: what to compute, the formula, the shapes, the book section. */
function header(source: string): string {
  return source.slice(0, source.search(/^(?!\/\/)/m));
}
