// A busy machine costs a law time waiting for a core, never its points: this process is pinned
// to one core beside eleven CPU-bound processes, so a law gets at most a twelfth of it, and
// the clock runs far past the law's limit on the clock while its CPU time stays inside.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guarded } from '../../../grader/sandbox/guard.ts';
import { CLOCK_PER_CPU } from '../../../grader/sandbox/watchdog.ts';
import { cpuMs, now } from '../../../grader/sandbox/watcher.mjs';

const HOGS = 11;
const LIMIT_MS = 1_000;
const NEEDS_MS = 800; // of CPU: inside the limit, and 12 × 800 ms is past 6 × 1 s on the clock
const canPin =
  process.platform === 'linux' &&
  existsSync('/proc/self/schedstat') &&
  spawnSync('taskset', ['-V']).status === 0;

const hogs: ChildProcess[] = [];
let mask = '';

/** Sets the CPU affinity of every thread of `pid`: `taskset -a -p <mask> <pid>`. */
function pin(pid: number, cpus: string): void {
  const run = spawnSync('taskset', ['-a', '-p', cpus, String(pid)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`taskset: ${run.stderr}`);
}

describe.runIf(canPin)('on a core shared with eleven CPU-bound processes', () => {
  beforeAll(() => {
    mask = /mask: (\w+)/.exec(
      spawnSync('taskset', ['-p', String(process.pid)]).stdout.toString(),
    )![1];
    for (let i = 0; i < HOGS; i++) {
      const hog = spawn('taskset', ['-c', '0', process.execPath, '-e', 'for (;;);'], {
        stdio: 'ignore',
      });
      hogs.push(hog);
    }
    pin(process.pid, '0x1');
  });
  afterAll(() => {
    pin(process.pid, `0x${mask}`);
    for (const hog of hogs) hog.kill('SIGKILL');
  });

  it('a law that needs less CPU time than its limit passes, however long the clock runs', () => {
    const [cpuStart, clockStart] = [cpuMs(), now()];
    expect(
      guarded(() => {
        for (const start = cpuMs(); cpuMs() - start < NEEDS_MS;);
        return 'done';
      }, LIMIT_MS),
    ).toBe('done');
    // the old guard stopped it on the clock; the case holds only if the clock did pass that
    expect(now() - clockStart).toBeGreaterThan(CLOCK_PER_CPU * LIMIT_MS);
    expect(cpuMs() - cpuStart).toBeLessThan(LIMIT_MS);
  });
});
