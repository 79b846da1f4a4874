// The chapter's two figures from a run's history: Fig. 4-11 (the loss per iteration, whole run
// and first 1000 iterations, as the book's two panels) and Fig. 4-12 (accuracy per epoch).
// The history is saved beside them so a later `npm run figures` can redraw without training.
import fs from 'node:fs';
import path from 'node:path';
import { writeFigure, type ChartSpec } from '../plot.ts';
import type { TrainResult } from './student.ts';

export interface TrainHistory extends TrainResult {
  meta: Record<string, unknown> & { iterPerEpoch: number };
}

const ZOOM_ITERS = 1000; // the book's right-hand panel
const PANEL = { width: 320, height: 220 };
const FIG_4_11 = 'fig4-11_loss';
const FIG_4_12 = 'fig4-12_accuracy';
const MAX_POINTS = 30; // epochs up to which each one gets a dot; more would blot the line
const SERIES = ['train acc', 'test acc'];
const LEGEND = { orient: 'bottom-right', symbolType: 'stroke' }; // where the book puts it, below the rising curves

function lossPanel(values: { iteration: number; loss: number }[], title: string): ChartSpec {
  return {
    ...PANEL,
    title,
    data: { values },
    mark: { type: 'line', strokeWidth: 0.6 },
    encoding: {
      x: { field: 'iteration', type: 'quantitative', title: 'iteration' },
      y: { field: 'loss', type: 'quantitative', title: 'loss', scale: { zero: true } },
    },
  } as ChartSpec;
}

export function lossSpec(h: TrainHistory): ChartSpec {
  const values = h.trainLossList.map((loss, iteration) => ({ iteration, loss }));
  const zoom = values.slice(0, ZOOM_ITERS);
  return {
    title: { text: 'Fig. 4-11 · Training loss per iteration (mini-batch cross-entropy)' },
    hconcat: [
      lossPanel(values, `all ${values.length.toLocaleString('en-US')} iterations`),
      lossPanel(zoom, `first ${zoom.length.toLocaleString('en-US')} iterations`),
    ],
  } as ChartSpec;
}

export function accuracySpec(h: TrainHistory): ChartSpec {
  const values = h.trainAccList.flatMap((acc, epoch) => [
    { epoch, accuracy: acc, data: 'train acc' },
    { epoch, accuracy: h.testAccList[epoch], data: 'test acc' },
  ]);
  return {
    ...PANEL,
    title: 'Fig. 4-12 · Accuracy on the train and test data per epoch',
    data: { values },
    mark: { type: 'line', point: h.trainAccList.length <= MAX_POINTS },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: 'epochs', axis: { tickMinStep: 1 } },
      y: { field: 'accuracy', type: 'quantitative', title: 'accuracy', scale: { domain: [0, 1] } },
      // one field for both channels, so vega-lite draws one legend: train solid, test dashed
      color: { field: 'data', type: 'nominal', title: null, sort: SERIES, legend: LEGEND },
      strokeDash: { field: 'data', type: 'nominal', title: null, sort: SERIES, legend: LEGEND },
    },
  } as ChartSpec;
}

/** Writes both figures as SVG and PNG into `dir`; returns the files written. */
export async function drawFigures(h: TrainHistory, dir: string): Promise<string[]> {
  return [
    ...(await writeFigure(lossSpec(h), path.join(dir, FIG_4_11))),
    ...(await writeFigure(accuracySpec(h), path.join(dir, FIG_4_12))),
  ];
}

export function saveHistory(file: string, h: TrainHistory): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(h) + '\n');
}

export function loadHistory(file: string): TrainHistory {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as TrainHistory;
}
