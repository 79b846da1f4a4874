// tools/plot.ts: a Vega-Lite spec comes out as an SVG with its title and axes, and a PNG.
import { describe, expect, it } from 'vitest';
import { svgToPng, toSvg, type ChartSpec } from '../../../tools/plot.ts';
import { accuracySpec, lossSpec, type TrainHistory } from '../../../tools/train/figures.ts';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];
const history: TrainHistory = {
  meta: { iterPerEpoch: 2 },
  trainLossList: Array.from({ length: 1500 }, (_, i) => 2.3 / (1 + i / 100)),
  trainAccList: [0.1, 0.5, 0.9],
  testAccList: [0.1, 0.45, 0.85],
};

describe('plot', () => {
  it('renders a spec to an SVG holding its title and axis titles, and that SVG to a PNG', async () => {
    const spec: ChartSpec = {
      title: 'a line',
      data: {
        values: [
          { a: 0, b: 1 },
          { a: 1, b: 2 },
        ],
      },
      mark: 'line',
      encoding: {
        x: { field: 'a', type: 'quantitative', title: 'the x axis' },
        y: { field: 'b', type: 'quantitative', title: 'the y axis' },
      },
    };
    const svg = await toSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const text of ['a line', 'the x axis', 'the y axis']) expect(svg).toContain(text);
    expect([...svgToPng(svg).subarray(0, 4)]).toEqual(PNG_MAGIC);
  });

  it('draws Fig. 4-11 as the whole run beside its first 1000 iterations', async () => {
    const spec = lossSpec(history) as { hconcat: { data: { values: unknown[] } }[] };
    expect(spec.hconcat.map((p) => p.data.values.length)).toEqual([1500, 1000]);
    const svg = await toSvg(lossSpec(history));
    for (const text of ['Fig. 4-11', 'iteration', 'loss']) expect(svg).toContain(text);
  });

  it('draws Fig. 4-12 with a train and a test line over the epochs', async () => {
    const svg = await toSvg(accuracySpec(history));
    for (const text of ['Fig. 4-12', 'epochs', 'accuracy']) expect(svg).toContain(text);
    // drawn as legend labels, not only named in the chart's aria description
    for (const text of ['train acc', 'test acc']) expect(svg).toContain(`>${text}</text>`);
  });
});
