// The style guide's rules that a machine can hold (../shared/STYLE.md): files small enough to
// read in one sitting, one file-name casing, generators built from options rather than
// filters, and one closeness rule. Each budget says why it is what it is; a file over it fails
// the step, so a budget grows only by an edit here, with its reason.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StepResult } from './run.ts';

const KIT = path.resolve(import.meta.dirname, '../..');

interface Budget {
  pattern: RegExp;
  lines: number;
  why: string;
}

/** The first budget whose pattern matches a file is its budget. */
export const BUDGETS: Budget[] = [
  {
    pattern: /^exercises\//,
    lines: 100,
    why: "STYLE's 40, revised: 06's header states eight behaviours and its stub imports 19 names, one a line",
  },
  {
    pattern: /^solutions\//,
    lines: 120,
    why: "STYLE's 80, revised with the stubs' headers and imports",
  },
  {
    pattern: /^spec\/\d\d_.*\.spec\.ts$/,
    lines: 250,
    why: "STYLE's 150, revised: each law now declares its sentence, points, hint and covers beside its body",
  },
  {
    pattern: /^(spec|instructor\/hidden)\//,
    lines: 220,
    why: 'oracles, generators and probes: one topic a file',
  },
  { pattern: /^src\//, lines: 200, why: "STYLE's budget for a src module, read beside the book" },
  {
    pattern: /^maintainers\/heldout\//,
    lines: Infinity,
    why: "students' files, as they wrote them",
  },
  {
    pattern: /\.(ts|mjs|js)$/,
    lines: 250,
    why: 'a tool or a test file: one concern, read in one sitting',
  },
];

/** kebab-case, or an exercise's own NN_snake_case name, plus its extensions. */
const FILE_NAME = /^(\d\d_[a-z0-9_]+|[a-z0-9]+(-[a-z0-9]+)*)(\.[a-z0-9]+)*$/;
/** Files whose names others fix: tools' configs and conventional names. */
const FOREIGN_NAMES = /^(README\.md|[A-Z]+\.md|run_autograder|setup\.sh|\..*)$/;

/** A fast-check filter or precondition: generators are built from options instead. */
const FILTERING = [
  /\bfc\.pre\(/,
  /Arb\b(\([^()]*\))?\s*\.filter\(/,
  /fc\.\w+\([^()]*\)\s*\.filter\(/,
];
/** A second closeness rule: only spec/support/close.ts compares floats. */
const OWN_RULES = [/toBeCloseTo\(/, /function\s+(within|closeTo|approx\w*|near)\b/];

export function styleProblems(files: readonly string[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const base = path.posix.basename(file);
    if (
      !FILE_NAME.test(base) &&
      !FOREIGN_NAMES.test(base) &&
      !file.startsWith('maintainers/heldout/')
    ) {
      problems.push(`${file}: name it in kebab-case (or NN_snake_case for an exercise's own file)`);
    }
    if (!/\.(ts|mjs|js)$/.test(file)) continue;
    const text = readFileSync(path.join(KIT, file), 'utf8');
    const budget = BUDGETS.find((b) => b.pattern.test(file))!;
    const lines = text.split('\n').length - 1;
    if (lines > budget.lines)
      problems.push(`${file}: ${lines} lines, over its ${budget.lines} (${budget.why})`);
    if (file.startsWith('spec/')) {
      for (const rule of FILTERING) {
        if (rule.test(text))
          problems.push(`${file}: build the generator from options, not with ${rule.source}`);
      }
    }
    if (/^(spec|maintainers\/tests)\//.test(file) && file !== 'spec/support/close.ts') {
      for (const rule of OWN_RULES) {
        if (rule.test(text))
          problems.push(`${file}: compare floats with spec/support/close.ts, not ${rule.source}`);
      }
    }
  }
  return problems;
}

export function checkStyle(): StepResult {
  const files = execFileSync('git', ['ls-files'], { cwd: KIT, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const problems = styleProblems(files);
  return {
    ok: problems.length === 0,
    detail: problems.length ? problems.join('\n') : `${files.length} files within their budgets`,
  };
}
