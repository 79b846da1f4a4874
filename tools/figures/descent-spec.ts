// Fig. 4-10's spec: one panel per learning rate, the path over the contours in a window
// clipped to the book's view, and f after each step below, where a climb cannot hide.
import type { ChartSpec } from '../plot.ts';
import { INIT_X, STEP_NUM, VIEW, formatNumber, type PathData } from './data.ts';
import { contourLayer, q, SQUARE, zeroRules } from './specs.ts';

const lrLabel = (lr: number) => `lr = ${lr}`;
// one colour per learning rate, the same in its panel and in the f(x) chart below
const COLOURS = ['#1f77b4', '#ff7f0e', '#d62728'];

function pathPanel(p: PathData, colour: string): object {
  const domain = [-VIEW, VIEW];
  const axis = (field: string, title: string) =>
    q(field, title, { scale: { domain, nice: false } });
  const left = p.points.find((pt) => pt.outside);
  const subtitle = [...p.verdict];
  if (left) {
    subtitle.push(
      `left the window at step ${left.step}; x${STEP_NUM} = (${p.last.map(formatNumber).join(', ')})`,
    );
  }
  return {
    ...SQUARE,
    title: { text: lrLabel(p.lr), subtitle },
    layer: [
      contourLayer('#bbb'),
      zeroRules(),
      {
        data: { values: p.points },
        layer: [
          {
            mark: { type: 'line', color: colour, strokeWidth: 1, clip: true },
            encoding: { x: axis('x', 'x0'), y: axis('y', 'x1'), order: { field: 'step' } },
          },
          {
            // not clipped: a point pinned to the edge would lose half its marker
            mark: { type: 'point', filled: true, color: colour, size: 40, clip: false },
            encoding: {
              x: { field: 'x', type: 'quantitative' },
              y: { field: 'y', type: 'quantitative' },
              shape: {
                field: 'where',
                type: 'nominal',
                title: null,
                scale: {
                  domain: ['in view', 'outside, pinned to the edge'],
                  range: ['circle', 'triangle-up'],
                },
                legend: { orient: 'bottom', labelLimit: 0 },
              },
            },
            transform: [
              {
                calculate: "datum.outside ? 'outside, pinned to the edge' : 'in view'",
                as: 'where',
              },
            ],
          },
        ],
      },
    ],
  };
}

const F_FLOOR = 1e-30; // f reaches 0 only by underflow; a log axis needs a floor

export function descentSpec(paths: PathData[], who: string): ChartSpec {
  const values = paths.flatMap((p) =>
    p.points.map((pt) => ({ step: pt.step, f: Math.max(pt.f, F_FLOOR), lr: lrLabel(p.lr) })),
  );
  return {
    title: {
      text: `Fig. 4-10 · Gradient descent on x0² + x1² from (${INIT_X.join(', ')}), ${STEP_NUM} steps, for three learning rates`,
      subtitle: [
        `from ${who}, called with stepNum = 1, 2, …, ${STEP_NUM}`,
        `the window is clipped to [−${VIEW}, ${VIEW}]²: a step outside it (lr = 10 explodes to ~1e13) is drawn as ▲ on the edge`,
      ],
    },
    vconcat: [
      { hconcat: paths.map((p, i) => pathPanel(p, COLOURS[i % COLOURS.length])) },
      {
        width: 3 * SQUARE.width + 40,
        height: 160,
        title: 'f(x) after each step (log scale): it must fall',
        data: { values },
        mark: { type: 'line', point: true },
        encoding: {
          x: q('step', 'step', { axis: { tickMinStep: 1 } }),
          y: q('f', 'f(x0, x1)', { scale: { type: 'log' }, axis: { format: '.0e' } }),
          color: {
            field: 'lr',
            type: 'nominal',
            title: null,
            legend: { orient: 'right' },
            scale: {
              domain: paths.map((p) => lrLabel(p.lr)),
              range: COLOURS.slice(0, paths.length),
            },
          },
        },
      },
    ],
  } as unknown as ChartSpec;
}
