// `npm run docs`: the pages generated from the specs, which `npm run check` proves current.
import { writeFileSync } from 'node:fs';
import { writeHeadersDoc } from '../check/headers.ts';
import { renderTolerances, TOLERANCES_FILE } from './tolerances.ts';

writeFileSync(TOLERANCES_FILE, await renderTolerances());
await writeHeadersDoc();
console.log('wrote docs/TOLERANCES.md and docs/HEADERS.md');
