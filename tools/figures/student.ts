// The three functions the figures draw with, from the tree --impl names or an override file.
// Student code runs in this process, so every call goes through the grader's guard: an
// endless loop costs one figure, not the tool.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NDArray } from '../../src/index.ts';
import { guarded } from '../../grader/sandbox/guard.ts';
import { isTodo } from '../train/student.ts';
import type { FiguresArgs } from './args.ts';

export type NumericalDiff = (f: (x: number) => number, x: number) => number;
export type NumericalGradient = (f: (x: NDArray) => number, x: NDArray) => NDArray;
export type GradientDescent = (
  f: (x: NDArray) => number,
  initX: NDArray,
  lr?: number,
  stepNum?: number,
) => NDArray;

/** One exported function of one exercise, and the file it came from (for messages). */
export interface Loaded<F> {
  name: string;
  file: string;
  fn?: F; // undefined: the file did not load or does not export it; `problem` says why
  problem?: string;
}

/** A figure that cannot be drawn from this code: one line that names the function. */
export class SkipFigure extends Error {}

export const FIGURE_TIME_LIMIT_MS = 5_000; // each figure calls the student's code a few hundred times, in well under a second

export function sourceFile(args: FiguresArgs, id: string): string {
  return args.overrides[id] ?? path.join(args.impl, `${id}.ts`);
}

export async function loadFunction<F>(
  args: FiguresArgs,
  id: string,
  name: string,
): Promise<Loaded<F>> {
  const file = sourceFile(args, id);
  if (!fs.existsSync(file)) return { name, file, problem: `${file} does not exist` };
  try {
    const module = (await import(pathToFileURL(path.resolve(file)).href)) as Record<
      string,
      unknown
    >;
    if (typeof module[name] !== 'function')
      return { name, file, problem: `${file} does not export ${name}` };
    return { name, file, fn: module[name] as F };
  } catch (error) {
    return { name, file, problem: `${file} could not be loaded: ${(error as Error).message}` };
  }
}

/**
 * Runs `body` (which calls the student's function) under the guard, turning an unfinished stub,
 * a crash, a hang or a non-finite result into a SkipFigure whose message names the function.
 */
export function callStudent<T>(
  loaded: Loaded<unknown>,
  body: () => T,
  limitMs = FIGURE_TIME_LIMIT_MS,
): T {
  const who = `${loaded.name} (${loaded.file})`;
  if (loaded.problem) throw new SkipFigure(`${who}: ${loaded.problem}`);
  try {
    return guarded(body, limitMs);
  } catch (error) {
    if (error instanceof SkipFigure) throw error;
    if (isTodo(error)) throw new SkipFigure(`${who} is not implemented yet`);
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new SkipFigure(`${who} failed: ${message.split('\n')[0]}`);
  }
}
