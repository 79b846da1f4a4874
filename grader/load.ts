// Loads the student's file for its spec, and when it cannot, says why in the student's terms:
// the file and line, the parser's own words, the export that is missing. Never an internal
// alias (@impl/…) or an absolute path: the student knows their file as exercises/NN_id.ts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as src from '../src/index.ts';
import { LawError } from './law-error.ts';
import type { ExerciseEntry } from './manifest/types.ts';
import { gradedFiles, studentFileName } from './settings.mjs';

const KIT = path.resolve(import.meta.dirname, '..');

/** Why the student's file could not be graded at all; the reporter shows it as it is. */
export class LoadError extends Error {
  override name = 'LoadError';
}

/**
 * The student's module for the exercise, with every name it exports; else a LoadError. A
 * function the exercise must write itself (ownWork) but takes from src/ is replaced by one
 * that fails each law it is called in, saying so.
 */
export async function loadStudent<M>(entry: ExerciseEntry, importer: () => Promise<M>): Promise<M> {
  const { id, exports } = entry;
  const file = studentFileName(KIT, id);
  let module: M;
  try {
    module = await importer();
  } catch (error) {
    throw new LoadError(describeFailure(error, file));
  }
  const found = module as Record<string, unknown>;
  const missing = exports.filter((name) => found[name] === undefined);
  if (missing.length > 0) {
    const has = Object.keys(found).filter((name) => found[name] !== undefined);
    throw new LoadError(
      `${file} does not export ${missing.join(' or ')}` +
        (has.length > 0 ? ` (it exports ${has.join(', ')})` : ' (it exports nothing)') +
        `: keep the stub's ${missing.length > 1 ? 'names' : 'name'} and its export keyword`,
    );
  }
  const taken = takenFromSrc(entry, found, file);
  if (taken.size === 0) return module;
  return Object.fromEntries(
    Object.entries(found).map(([name, value]) => [
      name,
      taken.has(name) ? refusal(taken.get(name)!) : value,
    ]),
  ) as M;
}

/** Own work that the student's file takes from src/, with the sentence that says how. */
function takenFromSrc(entry: ExerciseEntry, found: Record<string, unknown>, file: string) {
  const taken = new Map<string, string>();
  const library = src as Record<string, unknown>;
  const imports = importsOfTree(studentPath(entry.id));
  for (const name of entry.ownWork) {
    if (found[name] !== undefined && found[name] === library[name]) {
      taken.set(name, `${file} exports src's own ${name}`);
      continue;
    }
    const via = imports.find((i) => i.names.has(name) || i.names.has('*'));
    if (via) {
      const where = via.file === path.basename(file) ? file : `${via.file}, which ${file} imports,`;
      taken.set(name, `${where} takes ${name} from src/`);
    }
  }
  return taken;
}

/** A stand-in that fails the law it is called in: src's version earns nothing here. */
function refusal(how: string): () => never {
  return () => {
    throw new LawError(
      `${how}: this exercise asks you to write it yourself, so src's version earns no points ` +
        '(other src/ functions are yours to use)',
    );
  };
}

/** The absolute path of the graded file of exercise `id`. */
function studentPath(id: string): string {
  const { tree, overrides } = gradedFiles(KIT);
  return overrides[id] ?? path.join(tree, `${id}.ts`);
}

interface SrcImport {
  /** The file's name within the student's folder. */
  file: string;
  /** Names it takes from src/; '*' for a namespace import or a re-export of everything. */
  names: Set<string>;
}

/**
 * What the student's file and the files of its own folder it imports (transitively) take from
 * src/. Read from the source with comments blanked, so a name in a comment does not count.
 */
function importsOfTree(start: string): SrcImport[] {
  const found: SrcImport[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const code = withoutComments(readFileSync(file, 'utf8'));
    const names = new Set<string>();
    const clause = /\b(?:import|export)\s+(?:type\s+)?([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/g;
    for (const { 0: all, 1: what, 2: specifier, index } of code.matchAll(clause)) {
      const target = path.resolve(path.dirname(file), specifier);
      if (
        /(^|\/)src(\/|$)/.test(path.relative(path.dirname(start), target).split(path.sep).join('/'))
      ) {
        const namespace = /^\*\s+as\s+([\w$]+)$/.exec(what.trim())?.[1];
        if (namespace && all.startsWith('import')) {
          const rest = code.slice(0, index) + code.slice(index + all.length);
          for (const member of membersRead(rest, namespace)) names.add(member);
        } else if (/^\*/.test(what.trim())) names.add('*');
        const braces = /\{([^}]*)\}/.exec(what)?.[1] ?? '';
        for (const part of braces.split(',')) {
          const imported = part
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0];
          if (imported) names.add(imported);
        }
      } else if (specifier.startsWith('.')) {
        visit(target.endsWith('.ts') ? target : `${target}.ts`);
      }
    }
    found.push({ file: path.basename(file), names });
  };
  visit(start);
  return found;
}

/** The source with its comments blanked out (strings are kept, so '//' in a string stays). */
function withoutComments(code: string): string {
  return code.replace(
    /("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`)|\/\/[^\n]*|\/\*[\s\S]*?\*\//g,
    (all, str) => str ?? ' ',
  );
}

/** One sentence for a failed import: missing file, syntax error, refused import or a throw. */
export function describeFailure(error: unknown, file: string): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(
    // eslint-disable-next-line no-control-regex -- a parser's message comes coloured
    /\x1b\[[0-9;]*m/g,
    '',
  );
  const absolute = absolutePathOf(file, message);
  if (/does the file exist|cannot find (module|package)|failed to load url/i.test(message)) {
    return `${file} is missing: put your ${file.split('/').pop()} back (the stub is in the kit you were given)`;
  }
  // the import policy's refusal already speaks the student's terms
  if (/exercise files may import only/.test(message)) return firstLine(message, absolute, file);
  const syntax = syntaxErrorOf(message, file);
  if (syntax) return `${syntax}: the file could not be read as TypeScript, so none of its laws ran`;
  const where = lineOf(error, absolute, file);
  const thrown = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `${file} threw ${thrown.split('\n')[0]} while it was loading${where ? ` (at ${where})` : ''}: code at the top level of the file runs on import`;
}

/** The absolute path of the student's file as it appears in a message, if it does. */
function absolutePathOf(file: string, message: string): string | undefined {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[\\s('"[]|file://)(/[^\\s:'"]*${escaped})`).exec(message)?.[1];
}

/** 'exercises/02_x.ts:3:49: Expected `,` or `)` but found `;`', from a parser's message. */
function syntaxErrorOf(message: string, file: string): string | undefined {
  if (!/transform failed|parse_error|syntaxerror/i.test(message)) return undefined;
  const at = /\.ts:(\d+):(\d+)/.exec(message);
  const said =
    /\[PARSE_ERROR\]\s*(.+)/.exec(message)?.[1] ??
    /\.ts:\d+:\d+:\s*(?:ERROR:\s*)?(.+)/.exec(message)?.[1] ??
    'a syntax error';
  return `${file}${at ? `:${at[1]}:${at[2]}` : ''}: ${said.trim()}`;
}

/** 'exercises/02_x.ts:7', the first frame of the student's file in an error's stack. */
function lineOf(error: unknown, absolute: string | undefined, file: string): string | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const name = absolute ?? file;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = new RegExp(`${escaped}:(\\d+)`).exec(stack)?.[1];
  return line ? `${file}:${line}` : undefined;
}

function firstLine(message: string, absolute: string | undefined, file: string): string {
  const line = message.split('\n').find((l) => /exercise files may import only/.test(l)) ?? message;
  return replacePath(line.replace(/^.*?Error:\s*/, ''), absolute, file);
}

function replacePath(text: string, absolute: string | undefined, file: string): string {
  return absolute ? text.split(absolute).join(file) : text;
}

/**
 * The names code reads off a namespace import `ns`: ns.name, ns?.name, ns['name'] and
 * { name } = ns. A namespace import takes only these, so `import * as np` is no taking of all.
 */
function membersRead(code: string, ns: string): string[] {
  const id = ns.replace(/\$/g, '\\$');
  const patterns = [
    new RegExp(`(?<![\\w$.])${id}\\s*(?:\\?\\.|\\.)\\s*([\\w$]+)`, 'g'),
    new RegExp(`(?<![\\w$.])${id}\\s*(?:\\?\\.)?\\[\\s*['"\`]([\\w$]+)['"\`]\\s*\\]`, 'g'),
  ];
  const found = patterns.flatMap((p) => [...code.matchAll(p)].map((m) => m[1]));
  const destructured = new RegExp(`\\{([^{}]*)\\}\\s*=\\s*${id}(?![\\w$])`, 'g');
  for (const [, inner] of code.matchAll(destructured)) {
    found.push(...inner.split(',').map((part) => part.trim().split(/\s*:\s*/)[0]));
  }
  return found.filter((name) => name !== '');
}
