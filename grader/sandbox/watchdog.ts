// The guard's backstop. `guarded` interrupts a synchronous loop inside a law, but not one
// at the top level of a student's file, nor an endless chain of promises. This watchdog
// lives on its own thread, so it keeps running when the spec's thread is stuck: past the
// deadline it leaves a note for the reporter and ends this spec file's process, which costs
// that one exercise and lets the rest of the run go on.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** Loading a student's file takes milliseconds; ten seconds means it never will. */
export const LOAD_TIME_LIMIT_MS = 10_000;
/**
 * Between two laws vitest only sends results; a file still between laws after this long is
 * stuck, e.g. in an endless promise chain a law started, which starves vitest's messages.
 */
export const BETWEEN_LAWS_LIMIT_MS = 20_000;

const deadline = new Float64Array(new SharedArrayBuffer(8));

const WATCHER = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const deadline = new Float64Array(workerData.buffer);
setInterval(() => {
  if (Date.now() <= deadline[0]) return;
  fs.mkdirSync(workerData.noteDir, { recursive: true });
  fs.writeFileSync(workerData.notePath, 'stopped');
  process.kill(process.pid, 'SIGKILL');
}, 200);
`;

/** Starts watching; the first deadline covers loading the spec and the student's file. */
export function startWatchdog(reportDir: string, specFile: string): void {
  const noteDir = path.join(reportDir, '.watchdog');
  mkdirSync(noteDir, { recursive: true });
  const notePath = path.join(noteDir, `${path.basename(specFile)}.json`);
  writeFileSync(notePath, ''); // an empty note: the file is running, nothing went wrong yet
  deadline[0] = Date.now() + LOAD_TIME_LIMIT_MS;
  const worker = new Worker(WATCHER, {
    eval: true,
    workerData: { buffer: deadline.buffer, noteDir, notePath },
  });
  worker.unref();
}

/** Arms the watchdog for `ms` from now; `idle()` sets the looser deadline between laws. */
export function arm(ms: number): void {
  deadline[0] = Date.now() + ms;
}

export function idle(): void {
  deadline[0] = Date.now() + BETWEEN_LAWS_LIMIT_MS;
  // the first call comes from exercise(), the first line after the student's file loaded
  const loaded = whenLoaded.splice(0);
  for (const listener of loaded) listener();
}

const whenLoaded: Array<() => void> = [];

/** Runs `listener` once, as soon as the student's file has loaded (see idle). */
export function onLoaded(listener: () => void): void {
  whenLoaded.push(listener);
}
