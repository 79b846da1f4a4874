// tools/figures: the numbers behind each figure tell a right implementation from a wrong one,
// an unfinished or endless one skips its figure with one line, and `npm run figures` draws all six.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { numericalDiff } from '../../../solutions/02_numerical_diff.ts';
import { numericalGradient } from '../../../solutions/03_numerical_gradient.ts';
import { gradientDescent } from '../../../solutions/04_gradient_descent.ts';
import { importKept } from '../../check/gallery.ts';
import { parseFiguresArgs, UsageError } from '../../../tools/figures/args.ts';
import {
  descentPath,
  ERROR_LINES,
  fieldData,
  H,
  tangentData,
  VIEW,
} from '../../../tools/figures/data.ts';
import { descentSpec } from '../../../tools/figures/descent-spec.ts';
import { callStudent, SkipFigure } from '../../../tools/figures/student.ts';
import { main } from '../../../tools/figures.ts';

// three kept mistakes, rebuilt from their edits of the solutions
const gallery = fs.mkdtempSync(path.join(os.tmpdir(), 'dlfs-figures-gallery-'));
const { numericalDiff: forwardDiff } = await importKept<{ numericalDiff: typeof numericalDiff }>(
  '02_numerical_diff',
  'forward_difference',
  gallery,
);
const { numericalGradient: forwardGradient } = await importKept<{
  numericalGradient: typeof numericalGradient;
}>('03_numerical_gradient', 'forward_difference', gallery);
const { gradientDescent: ascent } = await importKept<{ gradientDescent: typeof gradientDescent }>(
  '04_gradient_descent',
  'ascent',
  gallery,
);

const FORWARD_ERROR = H * 0.01; // h·f1″/2 with f1″ = 0.02
const yours = (d: ReturnType<typeof tangentData>) =>
  d.errors.filter((e) => e.line === ERROR_LINES.yours).map((e) => e.error);

describe('figures: the data', () => {
  it('Fig. 4-7: the reference slopes are exact to rounding, a forward difference is off by h·f″/2', () => {
    expect(Math.max(...yours(tangentData(numericalDiff)))).toBeLessThan(1e-10);
    for (const e of yours(tangentData(forwardDiff))) {
      expect(Math.abs(e - FORWARD_ERROR)).toBeLessThan(1e-9);
    }
    expect(tangentData(numericalDiff).slopes.map((s) => s.exact)).toEqual([
      0.2, 0.30000000000000004,
    ]);
  });

  it('Fig. 4-9: the reference field is −2x to rounding; a forward difference is off by about h', () => {
    const field = fieldData(numericalGradient);
    expect(field.arrows).toHaveLength(18 * 18); // the book's np.arange(-2, 2.5, 0.25) squared
    expect(field.worst).toBeLessThan(1e-9);
    expect(fieldData(forwardGradient).worst).toBeGreaterThan(1e-5);
  });

  it('Fig. 4-10: lr 0.1 descends, 10 overshoots to the book’s ~1e13, 1e-10 barely moves; ascent climbs', () => {
    const [good, large, small] = [0.1, 10, 1e-10].map((lr) => descentPath(gradientDescent, lr));
    const fs = good.points.map((p) => p.f);
    expect(fs.every((f, i) => i === 0 || f < fs[i - 1])).toBe(true);
    expect(good.verdict.join(' ')).toMatch(/downhill/);
    // the book's gradient_method.py prints [-2.58983747e+13, -1.29524862e+12] for lr = 10
    expect(Math.abs(large.last[0] / -2.58983747e13 - 1)).toBeLessThan(1e-8);
    expect(large.points.at(-1)?.outside).toBe(true);
    expect(large.verdict.join(' ')).toMatch(/overshoots/);
    expect(small.verdict.join(' ')).toMatch(/too small/);
    expect(descentPath(ascent, 0.1).verdict.join(' ')).toMatch(/CLIMBS/);
  });
});

describe('figures: how Fig. 4-10 is drawn', () => {
  type Mark = { type: string; color?: string; clip?: boolean };
  type Layer = { mark?: Mark | string; layer?: Layer[]; data?: { values?: unknown } };
  type Spec = {
    vconcat: [
      { hconcat: Array<Layer & { title: { text: string } }> },
      { encoding: { color: { scale: { domain: string[]; range: string[] } } } },
    ];
  };
  const paths = [0.1, 10, 1e-10].map((lr) => descentPath(gradientDescent, lr));
  const spec = descentSpec(paths, 'solutions/04_gradient_descent.ts') as unknown as Spec;
  const [{ hconcat: panels }, below] = spec.vconcat;
  /** The marks that draw path i in its panel: the layer fed its points (not the contours). */
  const pathMarks = (i: number): Mark[] => {
    const layer = panels[i].layer!.find((l) => l.data?.values === paths[i].points)!;
    return layer.layer!.map((l) => l.mark as Mark);
  };

  it("draws each learning rate's path in the colour its entry in the f(x) legend has", () => {
    const { domain, range } = below.encoding.color.scale;
    expect(domain).toEqual(['lr = 0.1', 'lr = 10', 'lr = 1e-10']);
    expect(new Set(range.slice(0, domain.length)).size).toBe(domain.length);
    panels.forEach((panel, i) => {
      const colour = range[domain.indexOf(panel.title.text)];
      const marks = pathMarks(i);
      expect(marks.map((m) => m.type).sort(), panel.title.text).toEqual(['line', 'point']);
      for (const mark of marks) expect(mark.color, `${panel.title.text} ${mark.type}`).toBe(colour);
    });
  });

  it('does not clip the points, so a step pinned to the edge keeps its whole marker', () => {
    expect(paths[1].points.some((p) => p.outside)).toBe(true); // lr = 10 leaves the window
    // and every point is pinned inside it, so an unclipped marker stays on the panel
    const all = paths.flatMap((p) => p.points);
    expect(all.filter((p) => Math.max(Math.abs(p.x), Math.abs(p.y)) > VIEW)).toEqual([]);
    panels.forEach((panel, i) => {
      const points = pathMarks(i).filter((m) => m.type === 'point');
      expect(points, panel.title.text).toHaveLength(1);
      expect(points[0].clip, panel.title.text).toBe(false);
    });
  });
});

describe('figures: student code that cannot draw', () => {
  const loaded = { name: 'numericalDiff', file: 'exercises/02_numerical_diff.ts' };

  it('skips with one line naming the function when it throws a TODO error', () => {
    const stub = () => {
      throw new Error('TODO: numericalDiff (book 4.3.1)');
    };
    expect(() => callStudent(loaded, stub)).toThrow(
      new SkipFigure('numericalDiff (exercises/02_numerical_diff.ts) is not implemented yet'),
    );
  });

  it('stops an endless loop at the time limit and skips the figure', () => {
    const endless = () => {
      for (;;);
    };
    const start = performance.now();
    expect(() => callStudent(loaded, endless, 200)).toThrow(
      /numericalDiff .* failed: GuardTimeout/,
    );
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});

describe('figures: the command line', () => {
  it('reads --impl, --override (after DLFS_IMPL_OVERRIDE) and --out, and rejects the rest', () => {
    const file = 'solutions/02_numerical_diff.ts';
    const args = parseFiguresArgs(
      ['--impl', 'solutions', '--override', `02_numerical_diff=${file}`],
      {},
    );
    expect(args).toEqual({
      impl: 'solutions',
      overrides: { '02_numerical_diff': file },
      out: 'reports',
    });
    expect(
      parseFiguresArgs([], { DLFS_IMPL_OVERRIDE: `02_numerical_diff=${file}` }).overrides,
    ).toEqual({
      '02_numerical_diff': file,
    });
    expect(() => parseFiguresArgs(['--impl', 'answers'], {})).toThrow(UsageError);
    expect(() => parseFiguresArgs(['--override', '02=x.ts'], {})).toThrow(/NN_id=path/);
    expect(() => parseFiguresArgs(['--override', '02_numerical_diff=nope.ts'], {})).toThrow(
      /no file/,
    );
  });

  it('draws all six figures from the solutions and a training history, and the report around them', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dlfs-figures-'));
    const history = {
      meta: { iterPerEpoch: 2 },
      trainLossList: Array.from({ length: 50 }, (_, i) => 2.3 / (1 + i / 10)),
      trainAccList: [0.1, 0.6, 0.9],
      testAccList: [0.1, 0.55, 0.85],
    };
    fs.writeFileSync(path.join(out, 'train-history.json'), JSON.stringify(history));
    const lines: string[] = [];
    expect(await main(['--impl', 'solutions', '--out', out], (l) => lines.push(l))).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'figures', 'figures.json'), 'utf8'));
    expect(manifest.figures.map((f: { drawn: boolean }) => f.drawn)).toEqual(Array(6).fill(true));
    for (const f of manifest.figures) {
      const svg = fs.readFileSync(path.join(out, 'figures', `${f.file}.svg`), 'utf8');
      expect(svg).toContain(f.title.split(' · ')[0]); // names its book figure
      expect(fs.statSync(path.join(out, 'figures', `${f.file}.png`)).size).toBeGreaterThan(1000);
    }
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html.match(/<img src="figures\/[^"]+\.svg"/g)).toHaveLength(6);
  });

  it('skips each unfinished function with one line, and the training figures without a history', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dlfs-figures-'));
    const lines: string[] = [];
    expect(await main(['--impl', 'exercises', '--out', out], (l) => lines.push(l))).toBe(0);
    const skipped = lines.filter((l) => l.startsWith('skipped'));
    expect(skipped).toHaveLength(5); // all but Fig. 4-8, which draws f itself
    for (const name of ['numericalDiff', 'numericalGradient', 'gradientDescent']) {
      expect(
        skipped.some((l) => l.includes(`${name} (exercises/`) && l.includes('not implemented yet')),
      ).toBe(true);
    }
    expect(skipped.filter((l) => l.includes('npm run train'))).toHaveLength(2);
  });
});
