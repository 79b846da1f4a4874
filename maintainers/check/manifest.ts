// The manifest and the three trees must agree: grader/manifest.json is what the specs declare
// today; each exercise has its stub, solution and spec; stub and solution export exactly the
// manifest's names; the stub still has its TODOs and the same header comment as the
// solution, so a diff shows only the bodies.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { extractManifest, readFreshManifest } from '../../grader/manifest/extract.mjs';
import { EXERCISES } from '../../grader/manifest/index.ts';
import type { StepResult } from './run.ts';

export async function checkManifest(): Promise<StepResult> {
  const problems: string[] = [];
  const root = path.resolve(import.meta.dirname, '../..');
  const committed = readFreshManifest(root);
  if (!committed || !isDeepStrictEqual(committed, extractManifest(root))) {
    problems.push('grader/manifest.json is stale: run node grader/manifest/extract.mjs');
  }
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
  }
  return { ok: problems.length === 0, detail: problems.join('\n') };
}

/** The leading comment block: what to compute, the formula, the shapes, the book section. */
function header(source: string): string {
  return source.slice(0, source.search(/^(?!\/\/)/m));
}
