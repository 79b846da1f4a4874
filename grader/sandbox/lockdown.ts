// Student code shares its process with the spec and with vitest, so a submission could try
// to pass without being right: make Math.abs return 0 so every closeness check holds, or
// reach the runner through its globals and mark its own laws passed. setup.ts calls this
// before the student's file loads. What it cannot stop is listed in the README.

/** CallSite is V8's frame object; only the two methods used here are typed. */
interface Frame {
  getFileName(): string | null | undefined;
}

// Pristine references, taken before any student code runs: the checks below must not call
// anything a submission could have replaced.
const { apply, defineProperty, deleteProperty, getOwnPropertyDescriptor, getPrototypeOf } = Reflect;
const ownKeys = Reflect.ownKeys;
const same = Object.is;
const captureStackTrace = Error.captureStackTrace;
const toText = String;
const ErrorClass = Error;

/** Namespaces nothing inherits from: frozen outright, so a change throws where it is made. */
const FROZEN = ['Math', 'JSON', 'Reflect'] as const;

/** Objects a submission could patch to fool a check; compared and restored around each law. */
const TypedArray = getPrototypeOf(Float64Array) as object;
const WATCHED: Array<[string, object]> = [
  ['Object', Object],
  ['Object.prototype', Object.prototype],
  ['Array', Array],
  ['Array.prototype', Array.prototype],
  ['Number', Number],
  ['Number.prototype', Number.prototype],
  ['String.prototype', String.prototype],
  ['Function.prototype', Function.prototype],
  ['Float64Array', Float64Array],
  ['Float64Array.prototype', Float64Array.prototype],
  ['TypedArray', TypedArray],
  ['TypedArray.prototype', (TypedArray as { prototype: object }).prototype],
  ['Error', Error],
  ['Error.prototype', Error.prototype],
  ['Promise', Promise],
  ['Promise.prototype', Promise.prototype],
  ['Map.prototype', Map.prototype],
  ['Set.prototype', Set.prototype],
  ['Symbol', Symbol],
  ['console', console],
];
const GLOBAL_NAMES = [
  'Object', 'Array', 'Number', 'String', 'Boolean', 'Function', 'Symbol', 'BigInt', 'Error',
  'TypeError', 'RangeError', 'Promise', 'Float64Array', 'Float32Array', 'Int32Array',
  'Uint8Array', 'Map', 'Set', 'WeakMap', 'Date', 'RegExp', 'isNaN', 'isFinite', 'parseFloat',
  'parseInt', 'console', 'structuredClone', 'queueMicrotask', 'setTimeout', 'setInterval',
  'clearTimeout', 'clearInterval', 'setImmediate', 'process', 'globalThis',
]; // prettier-ignore

/**
 * The runner's globals: through them a submission could rewrite its own results. Vitest makes
 * __vitest_index__ non-configurable; only with grader/sandbox/preload.mjs loaded (the grade
 * project's execArgv) can it be reserved, and Reflect.defineProperty fails quietly without.
 */
const RUNNER_GLOBALS = [
  '__vitest_worker__',
  '__vitest_mocker__',
  '__vitest_index__',
  '__vitest_required__',
];
/** process's channel to vitest's main process, and the one door that writes files. */
const PROCESS_DOORS = ['send', '_send', 'channel', '_channel', 'report'];
/**
 * Doors out of the process that nothing in a spec needs, so they are shut outright rather
 * than reserved: no loading Node's modules behind the import policy's back, no killing or
 * exiting the run, no native code.
 */
const CLOSED_PROCESS_DOORS = [
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

function shut(owner: object, name: string): void {
  Object.defineProperty(owner, name, {
    value: () => {
      throw new Error(`process.${name}() is not available to exercises while grading`);
    },
    // vitest itself reassigns some of these between files; a student who does the same only
    // replaces one closed door with another, since the originals are out of reach
    writable: true,
    configurable: true,
  });
}

interface Snapshot {
  label: string;
  owner: object;
  proto: object | null;
  keys: PropertyKey[];
  descriptors: PropertyDescriptor[];
}

let snapshots: Snapshot[] = [];
let readFrames: ((error: Error, frames: Frame[]) => unknown) | undefined;

export function lockDown(): void {
  for (const name of CLOSED_PROCESS_DOORS) shut(process, name);
  keepStackTracesOurs();
  for (const name of FROZEN) {
    const value = (globalThis as unknown as Record<string, object>)[name];
    Object.freeze(value);
    defineProperty(globalThis, name, { value, writable: false, configurable: false });
  }
  for (const name of RUNNER_GLOBALS) reserve(globalThis, name);
  for (const name of PROCESS_DOORS) reserve(process, name);
  snapshots = [];
  for (const [label, owner] of WATCHED) snapshots[snapshots.length] = snapshot(label, owner);
  snapshots[snapshots.length] = snapshot('globalThis', globalThis, GLOBAL_NAMES);
}

/**
 * Names every built-in that differs from its snapshot and puts it back. Returns '' when
 * nothing changed; a change that cannot be undone (made non-configurable) is still named.
 */
export function restoreBuiltins(): string {
  let changed = '';
  for (let i = 0; i < snapshots.length; i++) {
    const s = snapshots[i];
    const keys = s.keys;
    if (getPrototypeOf(s.owner) !== s.proto) {
      changed += `, the prototype of ${s.label}`;
      Object.setPrototypeOf(s.owner, s.proto);
    }
    for (let k = 0; k < keys.length; k++) {
      if (s.owner === ErrorClass && keys[k] === 'stackTraceLimit') continue; // vitest tunes it
      const now = getOwnPropertyDescriptor(s.owner, keys[k]);
      if (now && sameDescriptor(now, s.descriptors[k])) continue;
      changed += `, ${s.label}.${toText(keys[k])}`;
      defineProperty(s.owner, keys[k], s.descriptors[k]);
    }
    if (s.label === 'globalThis') continue; // only the names above are watched on the global
    const current = ownKeys(s.owner);
    for (let k = 0; k < current.length; k++) {
      if (contains(keys, current[k])) continue;
      changed += `, ${s.label}.${toText(current[k])}`;
      deleteProperty(s.owner, current[k]);
    }
  }
  return changed.slice(2);
}

function snapshot(label: string, owner: object, names?: PropertyKey[]): Snapshot {
  const keys = names ?? ownKeys(owner);
  const descriptors: PropertyDescriptor[] = [];
  for (let k = 0; k < keys.length; k++) {
    descriptors[k] = getOwnPropertyDescriptor(owner, keys[k]) as PropertyDescriptor;
  }
  return { label, owner, proto: getPrototypeOf(owner), keys, descriptors };
}

function sameDescriptor(a: PropertyDescriptor, b: PropertyDescriptor): boolean {
  return (
    same(a.value, b.value) &&
    same(a.get, b.get) &&
    same(a.set, b.set) &&
    a.writable === b.writable &&
    a.enumerable === b.enumerable &&
    a.configurable === b.configurable
  );
}

function contains(keys: PropertyKey[], key: PropertyKey): boolean {
  for (let k = 0; k < keys.length; k++) if (same(keys[k], key)) return true;
  return false;
}

/**
 * Replaces a property with one that answers only vitest itself (and Node's IPC, which
 * vitest's own process.send calls). Who asks is read from the stack: the first frame with a
 * file decides. A student's file is refused, and so is a bound built-in called straight from
 * a promise or a timer, whose first frame is Node's task queue.
 */
function reserve(owner: object, name: PropertyKey): void {
  const original = getOwnPropertyDescriptor(owner, name);
  if (!original) return;
  let value: unknown = original.value;
  defineProperty(owner, name, {
    get(this: unknown) {
      if (!askedByRunner()) refuse(name);
      return original.get ? apply(original.get, this, []) : value;
    },
    set(this: unknown, next: unknown) {
      if (!askedByRunner()) refuse(name);
      if (original.set) apply(original.set, this, [next]);
      else value = next;
    },
    enumerable: false,
    configurable: false,
  });
}

function refuse(name: PropertyKey): never {
  throw new ErrorClass(`${toText(name)} is not available to exercises while grading`);
}

function askedByRunner(): boolean {
  const holder: { stack?: unknown } = {};
  const limit = ErrorClass.stackTraceLimit;
  readFrames = (_error, frames) => frames;
  ErrorClass.stackTraceLimit = 30;
  try {
    captureStackTrace(holder);
    const frames = holder.stack as Frame[];
    for (let i = 0; i < frames.length; i++) {
      const file = frames[i].getFileName() ?? '';
      if (file === '' || file.endsWith('/grader/sandbox/lockdown.ts')) continue;
      return file.includes('/node_modules/') || file === 'node:internal/child_process';
    }
    return false;
  } finally {
    readFrames = undefined;
    ErrorClass.stackTraceLimit = limit;
  }
}

/**
 * V8 formats stacks with Error.prepareStackTrace, which anyone may assign. Keep assignments
 * working (vite installs its source-map support there) but let askedByRunner read the raw
 * frames whatever a submission assigned, and keep stackTraceLimit from being frozen at 0.
 */
function keepStackTracesOurs(): void {
  let assigned = ErrorClass.prepareStackTrace;
  defineProperty(ErrorClass, 'prepareStackTrace', {
    get: () => readFrames ?? assigned,
    set: (next) => {
      assigned = next;
    },
    configurable: false,
  });
  defineProperty(ErrorClass, 'stackTraceLimit', {
    value: ErrorClass.stackTraceLimit,
    writable: true,
    configurable: false,
  });
}
