// Loaded with --import into every spec process, before vitest. Vitest defines the global
// __vitest_index__ (its whole API: vi.doMock, the hooks) non-configurable before any setup
// file runs, so lockdown.ts could not put it behind its check of who is asking. Here that one
// definition is made configurable; lockdown.ts then reserves it like the runner's other
// globals. Plain JS: it runs before any TypeScript tooling has started.
const define = Object.defineProperty;
const INDEX = '__vitest_index__';

Object.defineProperty = function defineProperty(target, key, descriptor) {
  if (target !== globalThis || key !== INDEX) return Reflect.apply(define, this, arguments);
  // the one definition this file waits for: put the original back first, so the snapshot of
  // Object that lockdown.ts takes holds the built-in (bundles that cached this one still work)
  Object.defineProperty = define;
  return Reflect.apply(define, this, [target, key, { ...descriptor, configurable: true }]);
};
