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

/**
 * `overrides` are files graded in place of an exercise (DLFS_IMPL_OVERRIDE): each is held to
 * the same rule with its own folder as its tree, so a stand-in cannot import solutions/.
 */
export function importPolicy(root: string, tree: string, overrides: string[] = []): Plugin {
  const graded = path.resolve(root, tree) + path.sep;
  const trees = [graded, ...overrides.map((file) => path.dirname(file) + path.sep)];
  // a graded tree outside the kit (batch grading, the galleries) reaches src/ through a link
  // beside it
  const sources = [root, ...trees].map(
    (dir) => path.resolve(dir, dir === root ? 'src' : '../src') + path.sep,
  );
  return {
    name: 'dlfs-import-policy',
    enforce: 'post',
    async transform(code, id) {
      const file = id.split('?')[0];
      const own = trees.find((dir) => file.startsWith(dir));
      if (!own) return null;
      const allowed = [...sources, own];
      await init;
      const [imports] = parse(code);
      const where = path.relative(path.dirname(graded), file); // 'exercises/02_….ts'
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
