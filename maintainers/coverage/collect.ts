// What makes c8 see what vitest ran. vitest evaluates each TypeScript module as transformed
// code inside vm, and Node 20 keeps no source map for vm scripts, so c8 on its own reports 0%
// or the wrong lines. provider.ts hands each spec file's V8 coverage here when the file ends;
// this writes it where c8 looks, in NODE_V8_COVERAGE's format, with the module's source map
// under 'source-map-cache' as Node would have.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Session } from 'node:inspector/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The trees whose coverage anyone reads; the rest of the process is left out. */
const TREES = new RegExp(`^${pathToFileURL(process.cwd()).href}/(src|kernels|solutions|exercises|mistakes)/.+\\.ts$`);
/** vitest wraps each module as `'use strict';async (...)=>{{` + code on the same line. */
const WRAPPER_END = '=>{{';
/** ...and closes it with `\n}}` after the inline source map and vitest's cache note. */
const WRAPPER_CLOSE = '\n}}';
/** vite's export getters (a re-export's too) open line 1; their `catch {}` never runs and is not the author's. */
const EXPORT_GETTERS = /^(?:__vite_ssr_exportName__\("[^"]*", \(\) => \{ try \{ return [\w$.]+ \} catch \{\} \}\);)*/;
const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,(\S+)/;

interface Range {
  startOffset: number;
  endOffset: number;
  count: number;
}
export interface ScriptCoverage {
  scriptId: string;
  url: string;
  functions: Array<{ functionName: string; ranges: Range[]; isBlockCoverage: boolean }>;
}

/** Writes one snapshot of V8's precise coverage into `outDir` as c8 reads it. */
export async function writeForC8(session: Session, result: ScriptCoverage[], outDir: string) {
  const scripts: ScriptCoverage[] = [];
  const maps: Record<string, { lineLengths: number[]; data: unknown }> = {};
  for (const script of result.filter((s) => TREES.test(s.url))) {
    const { scriptSource } = await session.post('Debugger.getScriptSource', {
      scriptId: script.scriptId,
    });
    const unwrapped = unwrap(script, scriptSource);
    if (!unwrapped) continue;
    scripts.push(unwrapped.script);
    maps[script.url] = { lineLengths: unwrapped.code.split('\n').map((l) => l.length), data: unwrapped.map };
  }
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `coverage-${process.pid}-${randomUUID()}.json`);
  writeFileSync(file, JSON.stringify({ result: scripts, 'source-map-cache': maps }));
}

/** The module's own code, its source map, and its ranges shifted past vitest's wrapper. */
function unwrap(script: ScriptCoverage, source: string) {
  const start = source.indexOf(WRAPPER_END);
  const match = INLINE_MAP.exec(source);
  if (start < 0 || !match || !source.endsWith(WRAPPER_CLOSE)) return undefined; // not vitest's
  const offset = start + WRAPPER_END.length;
  const code = source.slice(offset, -WRAPPER_CLOSE.length);
  const clamp = (n: number) => Math.min(Math.max(n - offset, 0), code.length);
  const getters = EXPORT_GETTERS.exec(code)?.[0].length ?? 0;
  const unseen = (r: Range) => r.count === 0 && r.endOffset <= getters;
  const functions = script.functions
    .map((fn) => ({ ...fn, ranges: fn.ranges.map((r) => ({ ...r, startOffset: clamp(r.startOffset), endOffset: clamp(r.endOffset) })) }))
    .filter((fn) => !unseen(fn.ranges[0]))
    .map((fn) => ({ ...fn, ranges: fn.ranges.filter((r, i) => i === 0 || !unseen(r)) }));
  const map = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8'));
  return { script: { ...script, functions }, code, map };
}
