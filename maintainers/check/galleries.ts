// `npm run galleries -- [NN_id | batchN …] [--kept | --held-out]`: grades the galleries'
// entries of those exercises or held-out batches (all by default) and prints each verdict:
// what it was, what the report named, and any problem. `npm run check` runs the same
// judgement over everything.
import { parseArgs } from 'node:util';
import { readHeldOutGallery, readKeptGallery } from './gallery.ts';
import { gradeGallery, summarize } from './mistakes.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { kept: { type: 'boolean' }, 'held-out': { type: 'boolean' } },
});
const both = !values.kept && !values['held-out'];
const chosen = (e: { id: string; key: string }) =>
  positionals.length === 0 || positionals.some((p) => e.id.startsWith(p) || e.key.startsWith(p));
for (const [name, read, wanted] of [
  ['kept', readKeptGallery, values.kept || both],
  ['held out', readHeldOutGallery, values['held-out'] || both],
] as const) {
  if (!wanted) continue;
  const verdicts = await gradeGallery(read().filter(chosen));
  for (const v of verdicts) {
    const what = v.entry.mistake ?? `correct: ${v.entry.correct}`;
    const said = v.said.length ? ` · named ${v.said.join(', ')}` : '';
    console.log(`${v.problem ? 'FAIL' : 'ok  '} ${v.entry.id} › ${v.entry.key}${said}`);
    console.log(`       ${what}${v.problem ? `\n       → ${v.problem}` : ''}`);
  }
  console.log(summarize(name, verdicts));
}
