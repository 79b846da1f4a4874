// reports/index.html: the grade as a page a student opens from the file system (no server,
// no script): the score per exercise, each unmet law with its counterexample, hint and rerun
// command, and the chapter's figures that `npm run figures` drew. Every string from the grade
// can come from student code (an error message is theirs), so all of it is escaped.
import fs from 'node:fs';
import path from 'node:path';
import { notStarted, unmet, type ExerciseGrade, type Grade, type TestGrade } from './grade.ts';
import { runSettings, sealWarning } from './formats/text.ts';

export const FIGURES_DIR = 'figures';
export const FIGURES_MANIFEST = 'figures.json';
export const REPORT_FILE = 'index.html';

/** One figure `npm run figures` tried to draw: its files are figures/<file>.svg and .png. */
export interface FigureEntry {
  id: string;
  title: string;
  file: string;
  drawn: boolean;
  note?: string; // why it was skipped
}
interface FiguresManifest {
  source: string;
  drawnAt: string;
  figures: FigureEntry[];
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or an attribute value, safe inside HTML. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
const h = escapeHtml;

function readJson<T>(file: string): T | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined; // a half-written or hand-edited file: the page says it is missing
  }
}

/** The last full grade in reportDir, if there is one. */
export const readGrade = (reportDir: string) => readJson<Grade>(path.join(reportDir, 'grade.json'));

function summary(grade: Grade): string {
  const rows = grade.exercises.map((e) => {
    const done = !e.tests.some(unmet);
    const state = done ? 'done' : notStarted(e) ? 'not started' : 'in progress';
    const pct = e.maxScore > 0 ? Math.round((100 * e.score) / e.maxScore) : 0;
    return `<tr class="${done ? 'done' : notStarted(e) ? 'todo' : 'open'}">
  <td>${h(e.id.slice(0, 2))}</td><td><a href="#${h(e.id)}">${h(e.title)}</a></td><td>${h(e.book)}</td>
  <td class="num">${h(e.score)}/${h(e.maxScore)}</td>
  <td><div class="bar"><div style="width:${pct}%"></div></div></td><td>${h(state)}</td>
</tr>`;
  });
  return `<table class="summary">
<thead><tr><th>#</th><th>exercise</th><th>book</th><th>points</th><th></th><th></th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
}

function law(t: TestGrade): string {
  const field = (label: string, value: string | undefined, code = false) =>
    value ? `<dt>${label}</dt><dd>${code ? `<code>${h(value)}</code>` : h(value)}</dd>` : '';
  return `<article class="law">
  <p><span class="status ${h(t.status)}">${h(t.status)}</span> <strong>${h(t.name)}</strong> <span class="pts">0/${h(t.maxPoints)}</span></p>
  ${t.message ? `<pre>${h(t.message)}</pre>` : ''}
  <dl>${field('counterexample', t.counterexample, true)}${field('hint', t.hint)}${field('rerun just this', t.reproduce, true)}</dl>
</article>`;
}

function exerciseDetails(e: ExerciseGrade, impl: string): string {
  const failing = e.tests.filter(unmet);
  const head = `<h3 id="${h(e.id)}">${h(e.id)} · ${h(e.title)} <small>book ${h(e.book)} · ${h(e.score)}/${h(e.maxScore)}</small></h3>`;
  if (failing.length === 0) return `${head}\n<p class="ok">every law met.</p>`;
  if (notStarted(e)) {
    return `${head}\n<p class="muted">not started: every law says “not implemented yet”. Open <code>${h(impl)}/${h(e.id)}.ts</code>.</p>`;
  }
  const diagnosis = e.diagnosis
    ? `<p class="diagnosis"><strong>diagnosis:</strong> ${h(e.diagnosis)}</p>`
    : '';
  return `${head}
<p>${failing.length} of ${e.tests.length} laws not yet met.</p>
${diagnosis}
${failing.map(law).join('\n')}`;
}

function figuresSection(reportDir: string): string {
  const manifest = readJson<FiguresManifest>(path.join(reportDir, FIGURES_DIR, FIGURES_MANIFEST));
  if (!manifest) {
    return '<p class="muted">No figures yet: <code>npm run figures</code> draws the chapter’s figures from your code.</p>';
  }
  const drawn = manifest.figures.filter((f) => f.drawn);
  const skipped = manifest.figures.filter((f) => !f.drawn);
  const figures = drawn.map((f) => {
    const src = `${FIGURES_DIR}/${encodeURIComponent(f.file)}`;
    return `<figure id="${h(f.id)}"><a href="${h(src)}.svg"><img src="${h(src)}.svg" alt="${h(f.title)}"></a>
<figcaption>${h(f.title)} · <a href="${h(src)}.png">PNG</a></figcaption></figure>`;
  });
  const notes = skipped.map(
    (f) => `<li><strong>${h(f.title.split(' · ')[0])}</strong>: ${h(f.note)}</li>`,
  );
  return `<p class="muted">drawn from ${h(manifest.source)} at ${h(manifest.drawnAt)}; <code>npm run figures</code> redraws them.</p>
${notes.length > 0 ? `<ul class="skipped">${notes.join('\n')}</ul>` : ''}
${figures.join('\n')}`;
}

const STYLE = `
body { font: 15px/1.45 system-ui, 'DejaVu Sans', sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #222; }
h1 { margin-bottom: 0.2rem; } h2 { border-bottom: 1px solid #ddd; margin-top: 2.5rem; } h3 small { color: #666; font-weight: normal; }
.score { font-size: 2.6rem; font-weight: bold; } .score.full { color: #1a7f37; }
.muted { color: #666; } .ok { color: #1a7f37; }
table.summary { border-collapse: collapse; width: 100%; } .summary td, .summary th { padding: 0.3rem 0.6rem; border-bottom: 1px solid #eee; text-align: left; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.bar { background: #eee; width: 160px; height: 10px; border-radius: 5px; overflow: hidden; } .bar div { background: #2da44e; height: 100%; }
tr.todo { color: #888; } tr.open .bar div { background: #d4a72c; }
.law { border-left: 4px solid #cf222e; background: #fff8f8; padding: 0.4rem 0.9rem; margin: 0.8rem 0; }
.status { font: bold 12px monospace; padding: 1px 6px; border-radius: 3px; color: white; background: #cf222e; }
.status.timeout { background: #9a6700; } .status.error { background: #8250df; }
.pts { color: #666; } pre { white-space: pre-wrap; background: #f6f8fa; padding: 0.5rem; margin: 0.4rem 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.8rem; margin: 0.4rem 0; } dt { color: #666; } dd { margin: 0; }
code { background: #f6f8fa; padding: 0 3px; word-break: break-word; } .diagnosis { background: #fff8c5; padding: 0.4rem 0.8rem; } .seal { background: #ffebe9; border: 1px solid #cf222e; }
figure { margin: 1.5rem 0; } figure img { max-width: 100%; border: 1px solid #eee; } figcaption { color: #555; }
/* a phone: the book column and the bar give way, so the page never scrolls sideways */
@media (max-width: 640px) {
  body { margin: 1rem auto; padding: 0 0.6rem; }
  .summary th:nth-child(3), .summary td:nth-child(3), .summary th:nth-child(5), .summary td:nth-child(5) { display: none; }
  .summary td, .summary th { padding: 0.3rem 0.3rem; }
  dl { grid-template-columns: 1fr; } dt { margin-top: 0.3rem; }
  pre, dd, code { overflow-wrap: anywhere; }
}
`;

/** Renders the page; grade undefined: no full `npm test` has run yet. */
export function renderHtmlReport(grade: Grade | undefined, reportDir: string): string {
  const body = grade
    ? `<p class="muted">grading ${h(grade.impl)}/ · ${h(runSettings(grade))}</p>
${sealWarning(grade) ? `<pre class="seal" id="seal">${h(sealWarning(grade))}</pre>` : ''}
<p><span class="score${grade.score === grade.maxScore ? ' full' : ''}" id="score">${h(grade.score)} / ${h(grade.maxScore)}</span> points</p>
${summary(grade)}
<h2>Exercise by exercise</h2>
${grade.exercises.map((e) => exerciseDetails(e, grade.impl)).join('\n')}`
    : '<p class="muted">No grade yet: run <code>npm test</code>, then open this page again.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dlfs-ch4 · grade report</title>
<style>${STYLE}</style></head>
<body>
<h1>dlfs-ch4 · chapter 4 grade report</h1>
${body}
<h2>The chapter’s figures, from your code</h2>
${figuresSection(reportDir)}
</body></html>
`;
}

/** Writes reportDir/index.html; returns its path. */
export function writeHtmlReport(grade: Grade | undefined, reportDir: string): string {
  fs.mkdirSync(reportDir, { recursive: true });
  const file = path.join(reportDir, REPORT_FILE);
  fs.writeFileSync(file, renderHtmlReport(grade, reportDir));
  return file;
}
