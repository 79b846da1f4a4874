// The guard holds a law to the CPU time it uses, not to the clock: code that computes too long
// is stopped at its CPU limit, code that waits at a far looser limit on the clock, and a busy
// machine, which slows the clock only, costs nothing. The tests share one process and run in
// order: the guard counts the laws it stopped, as it does for one spec file.
import { describe, expect, it } from 'vitest';
import {
  GuardTimeout,
  guarded,
  LAW_TIME_LIMIT_MS,
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

// On a machine so busy that a process gets less than 1/CLOCK_PER_CPU of a core, the limit on
// the clock comes first; each stop says which limit it was, and that limit must have passed.
const CPU_STOP = /^stopped after ([\d.]+) s of CPU time, its limit \([\d.]+ s on the clock\)/;
const CLOCK_STOP =
  /^stopped after ([\d.]+) s on the clock, its limit, having used [\d.]+ s of CPU time \(its CPU limit is ([\d.]+) s\)/;

/** Runs a law that must be stopped, and checks that the limit its message names has passed. */
function expectStopped(body: () => unknown, limitMs: number, cpuLimitMs = limitMs): string {
  const [cpuStart, clockStart] = [cpuMs(), Date.now()];
  const { message } = stopOf(body, limitMs);
  const [cpu, clock] = [cpuMs() - cpuStart, Date.now() - clockStart];
  const byCpu = CPU_STOP.exec(message);
  const byClock = CLOCK_STOP.exec(message);
  expect(byCpu ?? byClock, message).not.toBeNull();
  if (byCpu) {
    expect(Number(byCpu[1]) * 1000).toBe(cpuLimitMs);
    expect(cpu).toBeGreaterThanOrEqual(cpuLimitMs);
  } else {
    expect(Number(byClock![1]) * 1000).toBe(CLOCK_PER_CPU * cpuLimitMs);
    expect(Number(byClock![2]) * 1000).toBe(cpuLimitMs);
    expect(clock).toBeGreaterThanOrEqual(CLOCK_PER_CPU * cpuLimitMs);
  }
  return message;
}

describe.sequential('the guard', () => {
  it('lets a law wait on the clock past its CPU limit while it uses no CPU', () => {
    // the old guard stopped this at 1 s on the clock
    expect(guarded(() => sleep(1_500), 1_000)).toBe('timed-out');
  });

  it('stops a busy loop at its CPU limit and says what it measured, not why', () => {
    expect(expectStopped(forever, 300)).not.toMatch(/loop|look for/i);
  });

  it('gives the next law its whole limit after one stop: no cascade', () => {
    // the old guard gave every law after a timeout 2 s at most; this one needs more
    expect(guarded(() => burn(SHORTER_LIMIT_MS + 200), LAW_TIME_LIMIT_MS)).toBeGreaterThan(0);
  });

  it('stops code that waits without computing at its limit on the clock, naming the CPU it used', () => {
    const message = expectStopped(() => sleep(1e9), 200);
    expect(message).toMatch(
      /^stopped after 1\.2 s on the clock, its limit, having used 0(\.\d)? s/,
    );
  });

  it(`gives each later law ${SHORTER_LIMIT_MS / 1000} s once ${STOPS_BEFORE_SHORTER_LIMIT} laws were stopped, and says so`, () => {
    const message = expectStopped(forever, LAW_TIME_LIMIT_MS, SHORTER_LIMIT_MS);
    expect(message).toMatch(
      /; once 2 laws of an exercise have been stopped, each of the others gets 2 s$/,
    );
  });

  it('never lets its interrupt land after a law that ends at its limit', () => {
    // laws that end within a poll or two of their limit, on either side, and a few quick
    // ones; a stray SIGINT after a law would end this process, and vitest would report
    // the file as crashed
    let [stopped, finished] = [0, 0];
    for (let i = 0; i < 100; i++) {
      try {
        guarded(() => burn(i % 10 === 0 ? 1 : 40 + (i % 5) * 10), 60);
        finished++;
      } catch (error) {
        if (!(error instanceof GuardTimeout)) throw error;
        stopped++;
      }
    }
    expect(stopped).toBeGreaterThan(0);
    expect(finished).toBeGreaterThan(0);
  });
});
