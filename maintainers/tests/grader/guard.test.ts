// The guard holds a law to the CPU time it uses, not to the clock: code that computes too long
// is stopped at its CPU limit, code that waits at a far looser limit on the clock, and a busy
// machine, which slows the clock only, costs nothing. The tests share one process and run in
// order: the guard counts the laws it stopped, as it does for one spec file.
import { describe, expect, it } from 'vitest';
import {
  GuardTimeout,
  guarded,
  SHORTER_LIMIT_MS,
  STOPS_BEFORE_SHORTER_LIMIT,
} from '../../../grader/sandbox/guard.ts';
import { CLOCK_PER_CPU } from '../../../grader/sandbox/watchdog.ts';
import { cpuMs } from '../../../grader/sandbox/watcher.mjs';

/** Spends `ms` of the process's CPU time, however slowly the clock says it went. */
function burn(ms: number): number {
  const start = cpuMs();
  let spins = 0;
  while (cpuMs() - start < ms) spins++;
  return spins;
}

/** Sleeps on the clock without computing, as a law blocked in Atomics.wait would. */
function sleep(ms: number): string {
  return Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function stopOf(body: () => unknown, limitMs: number): GuardTimeout {
  try {
    guarded(body, limitMs);
  } catch (error) {
    if (error instanceof GuardTimeout) return error;
    throw error;
  }
  throw new Error('the guard let the law finish');
}

const forever = () => {
  for (;;);
};

describe.sequential('the guard', () => {
  it('lets a law wait on the clock past its CPU limit while it uses no CPU', () => {
    // the old guard stopped this at 1 s on the clock
    expect(guarded(() => sleep(1_500), 1_000)).toBe('timed-out');
  });

  it('stops a busy loop after its CPU limit and says what it measured, not why', () => {
    const cpuStart = cpuMs();
    const stop = stopOf(forever, 300);
    expect(cpuMs() - cpuStart).toBeGreaterThanOrEqual(300);
    expect(stop.message).toMatch(
      /^stopped after 0\.3 s of CPU time, its limit \([\d.]+ s on the clock\)$/,
    );
  });

  it('gives the next law its whole limit after one stop: no cascade', () => {
    // the old guard gave every law after a timeout 2 s at most
    expect(guarded(() => burn(2_500), 5_000)).toBeGreaterThan(0);
  });

  it('stops code that waits without computing at its limit on the clock, naming the CPU it used', () => {
    const started = Date.now();
    const stop = stopOf(() => sleep(1e9), 200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(CLOCK_PER_CPU * 200);
    expect(stop.message).toMatch(
      /^stopped after 1\.2 s on the clock, its limit, having used 0(\.\d)? s of CPU time \(its CPU limit is 0\.2 s\)$/,
    );
  });

  it(`gives each later law ${SHORTER_LIMIT_MS / 1000} s once ${STOPS_BEFORE_SHORTER_LIMIT} laws were stopped, and says so`, () => {
    const stop = stopOf(forever, 5_000);
    expect(stop.message).toMatch(
      /^stopped after 2 s of CPU time, its limit \([\d.]+ s on the clock\); once 2 laws of an exercise have been stopped, each of the others gets 2 s$/,
    );
  });

  it('never lets its interrupt land after a law that ends at its limit', () => {
    // each law ends within a poll or two of its limit, on either side; a stray SIGINT after
    // the law would end this process, and vitest would report the file as crashed
    let stopped = 0;
    for (let i = 0; i < 100; i++) {
      try {
        guarded(() => burn(40 + (i % 5) * 10), 60);
      } catch (error) {
        if (!(error instanceof GuardTimeout)) throw error;
        stopped++;
      }
    }
    expect(stopped).toBeGreaterThan(0);
    expect(stopped).toBeLessThan(100);
  });
});
