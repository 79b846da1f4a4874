// Vega-Lite spec → SVG (vega's headless View) → PNG (resvg). The one way the kit draws figures,
// so the book's plots come out the same from `npm run train` and a later `npm run figures`.
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import * as vl from 'vega-lite';

export type ChartSpec = vl.TopLevelSpec;

const PNG_SCALE = 2; // twice the SVG's pixel size, sharp enough for slides and the README
const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif'; // fonts resvg finds on Debian

/** Renders a Vega-Lite spec as an SVG document. */
export async function toSvg(spec: ChartSpec): Promise<string> {
  const config = { font: FONT, background: 'white' };
  const compiled = vl.compile({ config, ...spec } as ChartSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Rasterizes an SVG document to PNG bytes. */
export function svgToPng(svg: string, scale = PNG_SCALE): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}

/** Writes `<base>.svg` and `<base>.png` for the spec; returns both paths. */
export async function writeFigure(spec: ChartSpec, base: string): Promise<[string, string]> {
  fs.mkdirSync(path.dirname(base), { recursive: true });
  const svg = await toSvg(spec);
  const [svgPath, pngPath] = [`${base}.svg`, `${base}.png`];
  fs.writeFileSync(svgPath, svg);
  fs.writeFileSync(pngPath, svgToPng(svg));
  return [svgPath, pngPath];
}
