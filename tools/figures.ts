// `npm run figures`: the chapter's figures drawn from the student's own functions (or the
// reference with --impl solutions), into reports/figures/, then reports/index.html around
// them and the last grade. A wrong implementation shows: a tangent off, arrows astray, a
// descent path that climbs. See `npm run figures -- --help`.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  readGrade,
  writeHtmlReport,
  FIGURES_DIR,
  FIGURES_MANIFEST,
  type FigureEntry,
} from '../grader/html.ts';
import { writeFigure, type ChartSpec } from './plot.ts';
import { parseFiguresArgs, USAGE, UsageError, type FiguresArgs } from './figures/args.ts';
import { descentPath, fieldData, LEARNING_RATES, tangentData } from './figures/data.ts';
import { descentSpec } from './figures/descent-spec.ts';
import { fieldSpec, surfaceSpec, tangentSpec } from './figures/specs.ts';
import {
  callStudent,
  loadFunction,
  SkipFigure,
  type GradientDescent,
  type Loaded,
  type NumericalDiff,
  type NumericalGradient,
} from './figures/student.ts';
import { accuracySpec, loadHistory, lossSpec } from './train/figures.ts';

interface Figure {
  id: string;
  file: string; // base name under figures/
  title: string;
  spec: () => ChartSpec | Promise<ChartSpec>; // throws SkipFigure when it cannot be drawn
}

const who = (l: Loaded<unknown>) => `your ${l.name} in ${l.file}`;

async function figures(args: FiguresArgs): Promise<Figure[]> {
  const diff = await loadFunction<NumericalDiff>(args, '02_numerical_diff', 'numericalDiff');
  const grad = await loadFunction<NumericalGradient>(
    args,
    '03_numerical_gradient',
    'numericalGradient',
  );
  const descent = await loadFunction<GradientDescent>(
    args,
    '04_gradient_descent',
    'gradientDescent',
  );
  const historyFile = path.join(args.out, 'train-history.json');
  const history = () => {
    if (!fs.existsSync(historyFile)) {
      throw new SkipFigure(
        `no training history at ${historyFile}: make one with \`npm run train\` (or \`npm run train -- --impl solutions\`)`,
      );
    }
    return loadHistory(historyFile);
  };
  return [
    {
      id: 'fig4-7',
      file: 'fig4-7_tangents',
      title: 'Fig. 4-5 to 4-7 · f1 and its tangents at x = 5 and x = 10 (numericalDiff)',
      spec: () =>
        tangentSpec(
          callStudent(diff, () => tangentData(diff.fn!)),
          who(diff),
        ),
    },
    {
      id: 'fig4-8',
      file: 'fig4-8_function_2',
      title: 'Fig. 4-8 · f(x0, x1) = x0² + x1²',
      spec: surfaceSpec,
    },
    {
      id: 'fig4-9',
      file: 'fig4-9_gradient_field',
      title: 'Fig. 4-9 · the negative gradients of x0² + x1² (numericalGradient)',
      spec: () =>
        fieldSpec(
          callStudent(grad, () => fieldData(grad.fn!)),
          who(grad),
        ),
    },
    {
      id: 'fig4-10',
      file: 'fig4-10_descent',
      title: 'Fig. 4-10 · gradient descent for lr = 0.1, 10 and 1e-10 (gradientDescent)',
      spec: () => {
        const paths = LEARNING_RATES.map((lr) =>
          callStudent(descent, () => descentPath(descent.fn!, lr)),
        );
        return descentSpec(paths, who(descent));
      },
    },
    {
      id: 'fig4-11',
      file: 'fig4-11_loss',
      title: 'Fig. 4-11 · training loss of the last npm run train',
      spec: () => lossSpec(history()),
    },
    {
      id: 'fig4-12',
      file: 'fig4-12_accuracy',
      title: 'Fig. 4-12 · train and test accuracy of the last npm run train',
      spec: () => accuracySpec(history()),
    },
  ];
}

/** Draws every figure it can; returns what happened to each, as the report lists them. */
export async function drawAll(args: FiguresArgs, log = console.log): Promise<FigureEntry[]> {
  const dir = path.join(args.out, FIGURES_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const entries: FigureEntry[] = [];
  for (const figure of await figures(args)) {
    const base = path.join(dir, figure.file);
    // a figure that cannot be drawn now must not leave an older one (maybe the reference's) behind
    for (const ext of ['.svg', '.png']) fs.rmSync(base + ext, { force: true });
    try {
      const files = await writeFigure(await figure.spec(), base);
      log(`drew ${files.join(', ')}`);
      entries.push({ id: figure.id, title: figure.title, file: figure.file, drawn: true });
    } catch (error) {
      if (!(error instanceof SkipFigure)) throw error;
      log(`skipped ${figure.title.split(' · ')[0]}: ${error.message}`);
      entries.push({
        id: figure.id,
        title: figure.title,
        file: figure.file,
        drawn: false,
        note: error.message,
      });
    }
  }
  return entries;
}

/** Runs `npm run figures` with argv (flags only); resolves to the exit code. */
export async function main(argv: readonly string[], log = console.log): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    log(USAGE);
    return 0;
  }
  let args: FiguresArgs;
  try {
    args = parseFiguresArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`npm run figures: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  const overrides = Object.entries(args.overrides).map(([id, file]) => `${id}=${file}`);
  const source = [`${args.impl}/`, ...overrides].join(', ');
  log(`drawing the chapter's figures from ${source}`);
  const entries = await drawAll(args, log);
  const manifest = { source, drawnAt: new Date().toISOString(), figures: entries };
  const manifestFile = path.join(args.out, FIGURES_DIR, FIGURES_MANIFEST);
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  const html = writeHtmlReport(readGrade(args.out), args.out);
  log(`wrote ${html}: open it in a browser`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
