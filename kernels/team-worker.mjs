// A helper thread of kernels/team.ts. It instantiates the kernels on the shared memory it is
// given and then loops: wait for a job in its control block, claim it, run it, say it is done.
// Plain JavaScript, so it starts without the TypeScript loader. It ends when team.ts
// terminates it.
import { workerData } from 'node:worker_threads';

// the control block's slots and states, as team.ts defines them
const [STATE, FAILED, READY, OP, ARGS] = [0, 1, 2, 3, 4];
const [POSTED, RUNNING, FINISHED] = [1, 2, 3];
const OPS = ['', 'dot_shared', 'combine_columns_shared'];

// tsconfig's lib has no DOM, so no WebAssembly types: the one constructor used here
/** @type {new (module: object, imports: object) => { exports: Record<string, (...args: number[]) => void> }} */
const Instance = Reflect.get(globalThis, 'WebAssembly').Instance;

/** @type {{ module: object, memory: object, control: SharedArrayBuffer }} */
const { module, memory, control } = workerData;
const kernels = new Instance(module, { env: { memory } }).exports;
const ctrl = new Int32Array(control);
Atomics.store(ctrl, READY, 1);

// Sleep until a job is posted. Polling would answer sooner, but it burns a core while training
// does everything else, and on a busy machine it takes that core from the caller. Polling did
// not make a training step's products worth sharing either (docs/KERNELS.md). The products
// worth sharing take milliseconds, so the wake-up's fraction of one does not matter.
for (;;) {
  for (let state; (state = Atomics.load(ctrl, STATE)) !== POSTED;) Atomics.wait(ctrl, STATE, state);
  // the caller may have finished the whole product and withdrawn the job meanwhile
  if (Atomics.compareExchange(ctrl, STATE, POSTED, RUNNING) !== POSTED) continue;
  try {
    kernels[OPS[ctrl[OP]]](...ctrl.subarray(ARGS));
    Atomics.store(ctrl, FAILED, 0);
  } catch {
    Atomics.store(ctrl, FAILED, 1); // the caller redoes the product alone
  }
  Atomics.store(ctrl, STATE, FINISHED);
  Atomics.notify(ctrl, STATE);
}
