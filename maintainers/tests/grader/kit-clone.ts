// A throwaway clone of the kit, for the instructor's tools that read the stubs from git
// (release, gradescope): the committed tree plus this working tree's changes outside
// exercises/, so the tests try the code as it stands, with node_modules linked, not installed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const KIT = path.resolve(import.meta.dirname, '../../..');

export function git(cwd: string, args: string[]): string {
  const run = spawnSync(
    'git',
    ['-c', 'user.name=dlfs kit test', '-c', 'user.email=kit-test@example.invalid', ...args],
    { cwd, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

/** A new clone of the kit in a temporary folder; its exercises/ hold the committed stubs. */
export function cloneKit(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dlfs-clone-'));
  git(KIT, ['clone', '--quiet', '--no-hardlinks', KIT, dir]);
  // the working tree's uncommitted edits outside exercises/, committed in the clone
  const outside = ['--', '.', ':(exclude)exercises'];
  const changed = [
    ...git(KIT, ['diff', '--name-only', 'HEAD', ...outside]).split('\n'),
    ...git(KIT, ['ls-files', '--others', '--exclude-standard', ...outside]).split('\n'),
  ].filter(Boolean);
  for (const file of changed) {
    const from = path.join(KIT, file);
    if (existsSync(from)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      cpSync(from, path.join(dir, file));
    } else rmSync(path.join(dir, file), { force: true });
  }
  if (changed.length > 0) {
    git(dir, ['add', '-A']);
    git(dir, ['commit', '--quiet', '--allow-empty', '-m', 'the working tree under test']);
  }
  symlinkSync(path.join(KIT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Copies the reference solutions over the clone's exercises/: an instructor who tried them. */
export function solveExercises(dir: string): void {
  cpSync(path.join(dir, 'solutions'), path.join(dir, 'exercises'), { recursive: true });
}

/** A module of the clone (its own KIT), e.g. 'instructor/release.ts'. */
export function importFrom<M>(dir: string, file: string): Promise<M> {
  return import(path.join(dir, file)) as Promise<M>;
}
