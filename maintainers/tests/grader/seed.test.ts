// npm run seed: one stable seed per student id, inside the range FC_SEED accepts.
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../../grader/settings.mjs';
import { seedFromId } from '../../../instructor/seed.ts';

describe('seedFromId', () => {
  it('is FNV-1a of the id: the published vectors for "" and "a"', () => {
    expect(seedFromId('') >>> 0).toBe(0x811c9dc5);
    expect(seedFromId('a') >>> 0).toBe(0xe40c292c);
  });

  it('ignores surrounding spaces and tells nearby ids apart', () => {
    expect(seedFromId(' s1234567 ')).toBe(seedFromId('s1234567'));
    expect(seedFromId('s1234567')).not.toBe(seedFromId('s1234568'));
  });

  it('gives seeds that FC_SEED accepts', () => {
    for (const id of ['s1234567', 'alice@example.edu', '学生-42']) {
      const seed = seedFromId(id);
      expect(readSettings({ FC_SEED: String(seed) }).seed).toBe(seed);
    }
  });
});
