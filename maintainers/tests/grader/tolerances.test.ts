// docs/TOLERANCES.md is generated from the specs; this fails when a tolerance changed and
// the page was not regenerated (tsx maintainers/docs/tolerances.ts).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderTolerances, TOLERANCES_FILE } from '../../docs/tolerances.ts';

it('docs/TOLERANCES.md matches the tolerances in the specs', async () => {
  expect(readFileSync(TOLERANCES_FILE, 'utf8')).toBe(await renderTolerances());
});
