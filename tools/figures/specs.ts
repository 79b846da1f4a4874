// Vega-Lite specs for Fig. 4-5 to 4-9 (Fig. 4-10's is in descent-spec.ts), from the rows data.ts computes. Each figure names the
// book figure it reproduces and says in its subtitle what the student's numbers did.
import type { ChartSpec } from '../plot.ts';
import {
  ERROR_FLOOR,
  ERROR_LINES,
  FIELD_SPACING,
  formatNumber,
  type FieldData,
  type TangentData,
} from './data.ts';

const PANEL = { width: 320, height: 240 };
export const SQUARE = { width: 300, height: 300 }; // equal x and y scales: circles stay round, arrows keep their angle
export const q = (field: string, title: string, extra: object = {}) => ({
  field,
  type: 'quantitative',
  title,
  ...extra,
});

const LEGEND = { orient: 'bottom', direction: 'vertical', labelLimit: 0 };

export function tangentSpec(d: TangentData, who: string): ChartSpec {
  const slopes = d.slopes.map(
    (s) =>
      `slope at x = ${s.at}: ${s.yours.toPrecision(10)} (exact ${formatNumber(s.exact)}, off by ${formatNumber(s.yours - s.exact)})`,
  );
  const lines = ['f1(x) = 0.01x² + 0.1x', ...d.slopes.map((s) => `tangent at x = ${s.at}`)];
  const errorLines = [ERROR_LINES.yours, ERROR_LINES.forward, ERROR_LINES.central];
  return {
    title: {
      text: 'Fig. 4-5 to 4-7 · f1(x) = 0.01x² + 0.1x and its tangent lines at x = 5 and x = 10',
      subtitle: [`from ${who}`, ...slopes],
    },
    hconcat: [
      {
        ...PANEL,
        title: 'f1 and the tangents your slopes draw',
        data: { values: d.curve },
        mark: { type: 'line', clip: true },
        encoding: {
          x: q('x', 'x'),
          y: q('y', 'f(x)', { scale: { domain: [-1, 6] } }),
          color: {
            field: 'line',
            type: 'nominal',
            title: null,
            scale: { domain: lines, range: ['#222', '#1f77b4', '#2ca02c'] },
            legend: { orient: 'top-left', labelLimit: 0 },
          },
        },
      },
      {
        ...PANEL,
        title: 'your slope against the exact f1′(x) = 0.02x + 0.1 (log scale)',
        data: { values: d.errors },
        mark: { type: 'line', point: { size: 12 } },
        encoding: {
          x: q('x', 'x'),
          y: q('error', `|yours − f1′(x)| (an exact 0 at ${ERROR_FLOOR})`, {
            scale: { type: 'log' },
            axis: { format: '.0e' },
          }),
          color: {
            field: 'line',
            type: 'nominal',
            title: null,
            scale: { domain: errorLines, range: ['#d62728', '#888', '#888'] },
            legend: LEGEND,
          },
          strokeDash: {
            field: 'line',
            type: 'nominal',
            title: null,
            scale: {
              domain: errorLines,
              range: [
                [1, 0],
                [6, 3],
                [2, 2],
              ],
            },
            legend: LEGEND,
          },
        },
      },
    ],
    resolve: { scale: { color: 'independent', strokeDash: 'independent' } },
  } as ChartSpec;
}

const LEVELS = [1, 2, 4, 8, 16]; // f values whose contours (circles of radius √f) are drawn
const CIRCLE_POINTS = 72;

function circles(levels = LEVELS) {
  return levels.flatMap((f) =>
    Array.from({ length: CIRCLE_POINTS + 1 }, (_, i) => {
      const angle = (2 * Math.PI * i) / CIRCLE_POINTS;
      const r = Math.sqrt(f);
      return { level: f, i, x: r * Math.cos(angle), y: r * Math.sin(angle) };
    }),
  );
}

export const contourLayer = (color = 'white') => ({
  data: { values: circles() },
  mark: { type: 'line', clip: true, color, strokeWidth: 0.8, opacity: 0.8 },
  encoding: {
    x: { field: 'x', type: 'quantitative' },
    y: { field: 'y', type: 'quantitative' },
    detail: { field: 'level' },
    order: { field: 'i' },
  },
});

const HEAT_RANGE = 3; // the book's Fig. 4-8 spans x0, x1 in [−3, 3]
const HEAT_STEP = 0.2;

export function surfaceSpec(): ChartSpec {
  const cells = [];
  const n = Math.round((2 * HEAT_RANGE) / HEAT_STEP);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const [x0, x1] = [-HEAT_RANGE + i * HEAT_STEP, -HEAT_RANGE + j * HEAT_STEP];
      const [c0, c1] = [x0 + HEAT_STEP / 2, x1 + HEAT_STEP / 2];
      cells.push({ x0, x1, x0e: x0 + HEAT_STEP, x1e: x1 + HEAT_STEP, f: c0 ** 2 + c1 ** 2 });
    }
  }
  const domain = [-HEAT_RANGE, HEAT_RANGE];
  const labels = LEVELS.filter((f) => Math.sqrt(f) < HEAT_RANGE).map((f) => ({
    x: Math.sqrt(f / 2),
    y: Math.sqrt(f / 2),
    text: `${f}`,
  }));
  return {
    ...SQUARE,
    title: {
      text: 'Fig. 4-8 · f(x0, x1) = x0² + x1², seen from above',
      subtitle:
        'colour: the height f; white lines: contours f = 1, 2, 4, 8, 16 (circles of radius √f)',
    },
    layer: [
      {
        data: { values: cells },
        mark: 'rect',
        encoding: {
          x: q('x0', 'x0', { scale: { domain, nice: false } }),
          x2: { field: 'x0e' },
          y: q('x1', 'x1', { scale: { domain, nice: false } }),
          y2: { field: 'x1e' },
          color: q('f', 'f(x0, x1)', { scale: { scheme: 'viridis' } }),
        },
      },
      contourLayer(),
      {
        data: { values: labels },
        mark: { type: 'text', color: 'white', dx: 6, dy: -6, fontSize: 10 },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'y', type: 'quantitative' },
          text: { field: 'text' },
        },
      },
    ],
  } as ChartSpec;
}

const ARROW_MAX = 1.6 * FIELD_SPACING; // the longest arrow spans 1.6 grid cells, like the book's quiver
const FIELD_VIEW = 2.5;
const EXACT_ENOUGH = 1e-6; // a central difference on x0² + x1² is exact up to rounding, ~1e-10

export const zeroRules = () => ({
  data: { values: [{ zero: 0 }] },
  layer: [
    {
      mark: { type: 'rule', strokeDash: [4, 4], color: '#888' },
      encoding: { x: { field: 'zero', type: 'quantitative' } },
    },
    {
      mark: { type: 'rule', strokeDash: [4, 4], color: '#888' },
      encoding: { y: { field: 'zero', type: 'quantitative' } },
    },
  ],
});

export function fieldSpec(d: FieldData, who: string): ChartSpec {
  const longest = Math.max(...d.arrows.map((a) => a.norm));
  const scale = longest > 0 ? ARROW_MAX / longest : 0;
  const rows = d.arrows.map((a) => ({
    ...a,
    x2: a.x + scale * a.dx,
    y2: a.y + scale * a.dy,
    // vega's symbol angle turns clockwise from 12 o'clock; the axes share one scale
    angle: (Math.atan2(a.dx, a.dy) * 180) / Math.PI,
  }));
  const worst =
    d.worst <= EXACT_ENOUGH
      ? `matches the exact −∇f = (−2x0, −2x1) to ${formatNumber(d.worst)}: every arrow points at the minimum`
      : `DIFFERS from the exact −∇f = (−2x0, −2x1) by up to ${formatNumber(d.worst)}`;
  const domain = [-FIELD_VIEW, FIELD_VIEW];
  const axis = (field: string, title: string) =>
    q(field, title, { scale: { domain, nice: false } });
  return {
    ...SQUARE,
    title: {
      text: 'Fig. 4-9 · The negative gradient −∇f of f(x0, x1) = x0² + x1²',
      subtitle: [`from ${who}`, worst, 'arrow length ∝ |∇f|'],
    },
    layer: [
      zeroRules(),
      {
        data: { values: rows },
        layer: [
          {
            mark: { type: 'rule', clip: true, color: '#1f77b4' },
            encoding: {
              x: axis('x', 'x0'),
              y: axis('y', 'x1'),
              x2: { field: 'x2' },
              y2: { field: 'y2' },
            },
          },
          {
            mark: {
              type: 'point',
              shape: 'triangle-up',
              filled: true,
              size: 18,
              clip: true,
              color: '#1f77b4',
            },
            encoding: {
              x: { field: 'x2', type: 'quantitative' },
              y: { field: 'y2', type: 'quantitative' },
              angle: { field: 'angle', type: 'quantitative', scale: null },
            },
          },
        ],
      },
    ],
    // x0 and x1 are named by the first layer with an axis title; keep the rules' titles off
    resolve: { axis: { x: 'shared', y: 'shared' } },
  } as unknown as ChartSpec;
}
