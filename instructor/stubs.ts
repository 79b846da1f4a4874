// The exercise stubs as committed. An instructor who tried the exercises in their own clone
// has answers in the working tree's exercises/; what students get must come from the
// repository instead. Where the kit is not a git checkout, nothing tells a stub from an
// answer, so the tools refuse rather than guess.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export class StubError extends Error {
  override name = 'StubError';
}

export interface CommittedStubs {
  /** 'exercises/01_loss_functions.ts' → its committed text. */
  files: Map<string, string>;
  /** Working-tree exercise files whose text differs from the committed stub. */
  differing: string[];
}

function git(kit: string, args: string[]): string | undefined {
  const run = spawnSync('git', ['-C', kit, ...args], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout : undefined;
}

/** The committed exercises/ files, and which of them the working tree has changed. */
export function committedStubs(kit: string): CommittedStubs {
  const listed = git(kit, ['ls-tree', '-r', '--name-only', 'HEAD', '--', 'exercises']);
  if (listed === undefined) {
    throw new StubError(
      `${kit} is not a git checkout, so the committed stubs cannot be told from solved ` +
        'exercises; build from a clone of the kit',
    );
  }
  const files = new Map<string, string>();
  for (const file of listed.split('\n').filter((f) => f.endsWith('.ts'))) {
    files.set(file, git(kit, ['show', `HEAD:${file}`]) ?? '');
  }
  if (files.size === 0) throw new StubError(`${kit} has no committed exercises/`);
  const differing = [...files]
    .filter(([file, text]) => {
      const local = path.join(kit, file);
      return !existsSync(local) || readFileSync(local, 'utf8') !== text;
    })
    .map(([file]) => file);
  const untracked = existsSync(path.join(kit, 'exercises'))
    ? readdirSync(path.join(kit, 'exercises'))
        .map((f) => `exercises/${f}`)
        .filter((f) => !files.has(f))
    : [];
  return { files, differing: [...differing, ...untracked].sort() };
}

/** One line for the instructor when their working tree holds more than the stubs. */
export function differingNote(stubs: CommittedStubs): string {
  if (stubs.differing.length === 0) return '';
  return (
    `note: ${stubs.differing.join(', ')} ${stubs.differing.length > 1 ? 'differ' : 'differs'} ` +
    'from the committed stubs; only the committed stubs were used'
  );
}
