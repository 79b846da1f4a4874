// The whole run's limit counts the CPU time of the run's processes together, so a run that
// waits on a busy machine goes on, and one that computes too long is stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { limitRun, RUN_CLOCK_PER_CPU, treeCpuMs } from '../../../grader/run-limit.mjs';

const started: ChildProcess[] = [];
// each run has its own process group, so one kill ends its child too
afterEach(() => started.splice(0).forEach((child) => process.kill(-child.pid!, 'SIGKILL')));

/** A node process whose child computes `busy` (or sleeps): a run in miniature. */
function run(busy: boolean): number {
  const inner = busy ? 'for (;;);' : 'setTimeout(() => {}, 1e6)';
  const code = `require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(inner)}], { stdio: 'inherit' }); setTimeout(() => {}, 1e6);`;
  const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore', detached: true });
  started.push(child);
  child.unref();
  return child.pid!;
}

function stopOf(root: number, cpuLimitMs: number, waitMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const timer = limitRun(root, cpuLimitMs, resolve);
    setTimeout(() => {
      clearInterval(timer);
      resolve(undefined);
    }, waitMs);
  });
}

describe.runIf(treeCpuMs(process.pid) !== undefined)('the run limit', () => {
  it("counts the CPU time of a run's processes, grandchildren included", async () => {
    const root = run(true);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(treeCpuMs(root)).toBeGreaterThan(100);
  });

  it('lets a run that waits go on past its CPU limit on the clock', async () => {
    // the old limit, on the clock alone, stopped this at 1 s
    expect(await stopOf(run(false), 1_000, 3_000)).toBeUndefined();
  });

  it('stops a run at its CPU limit and says what it measured', async () => {
    const why = await stopOf(run(true), 500, 30_000);
    expect(why).toMatch(/^its limit of 0\.5 s of CPU time \(\d+ s on the clock\)$/);
  });

  it(`stops a run that waits at ${RUN_CLOCK_PER_CPU} times its limit on the clock`, async () => {
    const why = await stopOf(run(false), 300, 10_000);
    expect(why).toMatch(/^its limit of 1\.8 s on the clock \(0 s of CPU time\)$/);
  });
});
