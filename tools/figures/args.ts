// `npm run figures` flags: whose code draws the figures, which single files stand in for an
// exercise (a mistake from mistakes/, say), and where the figures and the report go.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { IMPLS, UsageError, type Impl } from '../train/args.ts';

export { UsageError, type Impl };

export interface FiguresArgs {
  impl: Impl;
  overrides: Record<string, string>; // exercise id → a file graded in its place
  out: string;
}

export const USAGE = `usage: npm run figures -- [options]
  --impl exercises|solutions   whose numericalDiff, numericalGradient and gradientDescent draw (default exercises)
  --override NN_id=FILE        use FILE for exercise NN_id, e.g.
                               --override 02_numerical_diff=mistakes/02_numerical_diff/forward_difference.ts
                               (repeatable; also env DLFS_IMPL_OVERRIDE='id=file,id=file', as npm test reads it)
  --out DIR                    figures go to DIR/figures, the report to DIR/index.html; the training
                               history is read from DIR/train-history.json (default reports)`;

const OVERRIDE = /^(\d\d_[a-z0-9_]+)=(.+)$/;

function parseOverrides(pairs: readonly string[]): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const pair of pairs) {
    const match = OVERRIDE.exec(pair);
    if (!match)
      throw new UsageError(`--override must look like NN_id=path/to/file.ts, got '${pair}'`);
    const [, id, file] = match;
    if (!fs.existsSync(file)) throw new UsageError(`--override ${id}: no file '${file}'`);
    overrides[id] = file;
  }
  return overrides;
}

/** Parses argv (without node and the script); throws UsageError on anything unexpected. */
export function parseFiguresArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): FiguresArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        impl: { type: 'string' },
        override: { type: 'string', multiple: true },
        out: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('. To specify')[0]);
  }
  const impl = values.impl ?? env.IMPL ?? 'exercises';
  if (!(IMPLS as readonly string[]).includes(impl)) {
    throw new UsageError(`--impl must be 'exercises' or 'solutions', got '${impl}'`);
  }
  const fromEnv = (env.DLFS_IMPL_OVERRIDE ?? '').split(',').filter(Boolean);
  return {
    impl: impl as Impl,
    // the flag wins over the environment for the same exercise
    overrides: parseOverrides([...fromEnv, ...(values.override ?? [])]),
    out: values.out ?? 'reports',
  };
}
