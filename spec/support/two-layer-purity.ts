// The purity laws of 06's TwoLayerNet: every method leaves its inputs and the params as they
// were, and each gradient it returns is a set of new arrays that no later call touches.
import { NDArray } from '../../src/index.ts';
import { expectIdentical } from './close.ts';
import { fail } from '../../grader/law-error.ts';
import { KEYS } from './trusted-net.ts';
import type { StudentNet } from './two-layer-probes.ts';
import { expectSameParams, readParams, type Case } from './two-layer.ts';

/**
 * Each gradient method's result on `c` is a new { W1, b1, W2, b2 } of new arrays: none is an
 * array of the params or of a later result on `d`, and the later call leaves its values alone.
 */
export function expectFresh(net: StudentNet, c: Case, d: Case): void {
  for (const m of ['gradient', 'numericalGradient'] as const) {
    const what = `net.${m}(x, t)`;
    const first = readParams(net[m](c.x, c.t), c.dims, what);
    const kept = KEYS.map((k) => first[k].data.slice());
    const others = {
      params: readParams(net.params, c.dims, 'params'),
      [`a later ${what}`]: readParams(net[m](d.x, d.t), c.dims, what),
    };
    KEYS.forEach((k, i) => {
      for (const [name, other] of Object.entries(others)) {
        const j = KEYS.find((j) => other[j].data.buffer === first[k].data.buffer);
        if (j) fail(`${what}.${k} is the array ${name}.${j}: return new arrays`);
      }
      expectIdentical(first[k], kept[i], `${what}.${k}, after a later call on another batch,`);
    });
  }
}

/** Every method leaves x and t as they were, and the params too, numericalGradient included. */
export function expectPure(net: StudentNet, c: Case): void {
  const calls = ['predict', 'loss', 'accuracy', 'gradient', 'numericalGradient'] as const;
  const runs = [
    ...calls.map((m) => [m, c.t, 't'] as const),
    ['accuracy', c.labels, 'labels'] as const,
  ];
  for (const [m, t, form] of runs) {
    const [xIn, tIn] = [c.x, t].map((a) => new NDArray(a.data.slice(), a.shape));
    if (m === 'predict') net.predict(xIn);
    else net[m](xIn, tIn);
    expectIdentical(xIn, c.x.data, `x, passed to net.${m},`);
    expectIdentical(tIn, t.data, `${form}, passed to net.${m},`);
    expectSameParams(readParams(net.params, c.dims, 'params'), c.p, `after net.${m}`);
  }
}
