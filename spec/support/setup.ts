// Runs before every spec file: fast-check gets the run's seed and case count once, so a
// property written with plain fc.assert still replays exactly what the report printed.
import fc from 'fast-check';
import { expect } from 'vitest';
import { readSettings } from '../../grader/settings.mjs';
import { startWatchdog } from './watchdog.ts';

const { seed, numRuns } = readSettings();
fc.configureGlobal({ seed, numRuns });
startWatchdog(process.env.DLFS_REPORT_DIR || 'reports', expect.getState().testPath ?? 'unknown');

// Student code shares this process with its spec, so the doors out of the process stay
// shut while grading: no loading Node's modules behind the import policy's back, no
// killing or exiting the run, no native code.
const CLOSED = [
  'getBuiltinModule',
  'binding',
  '_linkedBinding',
  'dlopen',
  'kill',
  'abort',
  'chdir',
  'exit',
  'reallyExit',
];
for (const name of CLOSED) {
  Object.defineProperty(process, name, {
    value: () => {
      throw new Error(`process.${name}() is not available to exercises while grading`);
    },
    // vitest itself reassigns some of these between files; a student who does the same only
    // replaces one closed door with another, since the originals are out of reach
    writable: true,
    configurable: true,
  });
}
