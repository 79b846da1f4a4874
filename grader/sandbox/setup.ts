// Runs before every spec file: fast-check gets the run's seed and case count once, so a
// property written with plain fc.assert still replays exactly what the report printed.
import fc from 'fast-check';
import { afterEach, beforeEach, expect } from 'vitest';
import { readSettings, reportDir } from '../settings.mjs';
import { LawError } from '../law-error.ts';
import { lockDown, restoreBuiltins } from './lockdown.ts';
import { onLoaded, startWatchdog } from './watchdog.ts';
// The trusted library loads here, before any student's file; each spec imports its own
// support modules before '@impl/…' for the same reason: their oracles capture pristine
// built-ins, and a patch made while the student's file loads cannot break their loading.
import '../../src/index.ts';
import { useFastKernels } from '../../kernels/index.ts';

// src/ runs on the fast kernels (kernels/): the values the laws check and the report prints are theirs
useFastKernels();

const { seed, numRuns } = readSettings();
fc.configureGlobal({ seed, numRuns });
startWatchdog(reportDir(), expect.getState().testPath ?? 'unknown');

// lockDown shuts the process's doors out (exit, kill, getBuiltinModule, ...) and watches the
// built-ins. Built-ins a submission changes are put back after each law, and the law fails:
// a law that held only because Math.abs returned 0 proves nothing. A change made while the
// file loaded fails every law of the file, since the spec's own modules loaded after it.
lockDown();
let changedAtLoad: string | undefined;
// put back before vitest collects the laws, which a patched Array.prototype.map would break
onLoaded(() => (changedAtLoad = restoreBuiltins()));
beforeEach(() => {
  changedAtLoad ??= restoreBuiltins();
  if (changedAtLoad) throw changedBuiltins(changedAtLoad, 'when your file loaded');
});
afterEach(() => {
  const changed = restoreBuiltins();
  if (changed) throw changedBuiltins(changed, 'during this law');
});

function changedBuiltins(what: string, when: string): LawError {
  return new LawError(`your code changed ${what} ${when}; exercises must not modify built-ins`, {
    status: 'error',
  });
}
