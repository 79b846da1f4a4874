// The manifest's diagnoses as data: each names only laws that exist, and none speaks when
// there is nothing to diagnose (full marks) or nothing written yet (a stub, every law an error).
import { describe, expect, it } from 'vitest';
import { gradeExercise, type Status } from '../../../grader/grade.ts';
import { EXERCISES } from '../../../grader/manifest/index.ts';

// tiny_step fails every law, exactly as a stub does; only the messages tell them apart
const STUB_LOOKS_LIKE_A_MISTAKE = new Set(['02_numerical_diff']);

function gradeAll(id: string, status: Status) {
  const entry = EXERCISES.find((e) => e.id === id)!;
  return gradeExercise(entry, { laws: new Map(entry.laws.map((l) => [l.name, { status }])) });
}

describe.each(EXERCISES.map((e) => [e.id, e] as const))('diagnoses of %s', (id, entry) => {
  it('name only laws of their exercise, by key', () => {
    const keys = new Set(entry.laws.map((l) => l.key));
    for (const rule of entry.diagnoses ?? []) {
      for (const key of [...rule.failed, ...(rule.passed ?? [])]) expect(keys).toContain(key);
    }
  });

  it('say nothing at full marks', () => {
    expect(gradeAll(id, 'passed').diagnosis).toBeUndefined();
  });

  it.skipIf(STUB_LOOKS_LIKE_A_MISTAKE.has(id))('say nothing about an untouched stub', () => {
    expect(gradeAll(id, 'error').diagnosis).toBeUndefined();
  });
});
