// vitest's coverage module for `npm run coverage`: @vitest/coverage-v8's own, except that each
// spec file's snapshot of V8's counters also goes to c8 (collect.ts). Taking a snapshot resets
// the counters, so two takers in one process would each see part of the run; with one taker,
// c8 and vitest's v8 report read the very same counts.
import { Session } from 'node:inspector/promises';
import v8 from '@vitest/coverage-v8';
import { writeForC8, type ScriptCoverage } from './collect.ts';

/** Where the raw coverage for c8 goes; run.ts sets it. */
const OUT_DIR = process.env.DLFS_C8_TEMP;

// vitest imports this file afresh for each call (it resets the module graph between files),
// so no state lives here: @vitest/coverage-v8 is imported natively and keeps its session.
export default {
  startCoverage: v8.startCoverage,
  stopCoverage: v8.stopCoverage,
  getProvider: v8.getProvider,
  async takeCoverage(options?: Parameters<NonNullable<typeof v8.takeCoverage>>[0]) {
    const coverage = (await v8.takeCoverage?.(options)) as { result: ScriptCoverage[] };
    if (OUT_DIR) {
      // a second session only reads sources back; the counters stay with v8's
      const session = new Session();
      session.connect();
      await session.post('Debugger.enable');
      await writeForC8(session, coverage.result, OUT_DIR);
      session.disconnect();
    }
    return coverage;
  },
};
