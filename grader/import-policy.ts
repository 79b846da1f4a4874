// A vite plugin for the grade project: an exercise file may import only src/ and the other
// files of its own tree. Importing solutions/, the test framework or Node's modules (fs,
// child_process, ...) would let a submission copy answers or forge its grade, so the file
// fails to load and the exercise that tried it earns nothing, with a message saying why.
// It reads the imports after TypeScript is stripped; vitest resolves Node's own modules
// without asking plugins, so checking at resolve time alone would miss them.
import path from 'node:path';
import { init, parse } from 'es-module-lexer';
import type { Plugin } from 'vite';

/** Names of the test runner's module plumbing, reachable from module scope. */
const RUNNER_INTERNALS = /\b(__vite_ssr_\w+|__vitest_\w+|eval)\b/;

export function importPolicy(root: string, tree: string): Plugin {
  const graded = path.join(root, tree) + path.sep;
  const allowed = [path.join(root, 'src') + path.sep, graded];
  return {
    name: 'dlfs-import-policy',
    enforce: 'post',
    async transform(code, id) {
      const file = id.split('?')[0];
      if (!file.startsWith(graded)) return null;
      await init;
      const [imports] = parse(code);
      const where = path.relative(root, file);
      for (const entry of imports) {
        if (entry.type === 'import-meta') continue;
        if (entry.type === 'dynamic') refuse(`${where} uses a dynamic import()`);
        const source = entry.specifier ?? '';
        const target = path.resolve(path.dirname(file), source);
        if (!source.startsWith('.') || !allowed.some((dir) => target.startsWith(dir))) {
          refuse(`${where} imports '${source}'`);
        }
      }
      const internal = RUNNER_INTERNALS.exec(code);
      if (internal) refuse(`${where} uses '${internal[1]}'`);
      return null;
    },
  };
}

function refuse(what: string): never {
  throw new Error(
    `${what}, but exercise files may import only src/ and each other ` +
      `(e.g. import { dot } from '../src/index.ts').`,
  );
}
