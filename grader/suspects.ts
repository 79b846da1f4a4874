// Diagnoses on evidence. A suspect is a mistake the grader knows how to recognise: when a
// law it explains fails, its probe replays a few discriminating inputs through the student's
// code and returns what it saw, in the student's terms, only if the code shows that mistake's
// signature (it reproduces the mistake's output where the right answer differs). No evidence,
// no diagnosis: the law's own message and hint stand alone. A pattern of failed laws is never
// evidence, since many different mistakes share one.
import { guarded } from './sandbox/guard.ts';

export interface Suspect<M> {
  /** Short and stable: the galleries say which mistakes they hold by it. */
  key: string;
  /** The keys of the laws whose failure this mistake can cause. */
  explains: readonly string[];
  /**
   * Runs the student's code (module M) on probes of its own making; returns the evidence,
   * e.g. "at x = 1.5 … your 6.75045 is (f(x + h) − f(x)) / h", or undefined.
   */
  probe(impl: M): string | undefined;
  /** The mistake named, and what to do instead: printed after the evidence. */
  say: string;
}

export interface Diagnosis {
  key: string;
  text: string;
}

/** Probes are a handful of calls; a probe that takes longer proves nothing and is dropped. */
const PROBE_LIMIT_MS = 3_000;

/** Runs the suspects of one exercise, each at most once per spec file. */
export class Suspects<M> {
  private readonly seen = new Map<string, string | null>();

  constructor(
    private readonly list: readonly Suspect<M>[],
    private readonly impl: M,
  ) {}

  /** Every suspect of this law with evidence, in the order the spec lists them. */
  diagnose(lawKey: string): Diagnosis[] {
    return this.list
      .filter((suspect) => suspect.explains.includes(lawKey))
      .map((suspect) => ({ suspect, evidence: this.evidence(suspect) }))
      .filter(({ evidence }) => evidence !== null)
      .map(({ suspect, evidence }) => ({ key: suspect.key, text: `${evidence}: ${suspect.say}` }));
  }

  private evidence(suspect: Suspect<M>): string | null {
    if (!this.seen.has(suspect.key)) {
      let found: string | null;
      try {
        found = guarded(() => suspect.probe(this.impl), PROBE_LIMIT_MS) ?? null;
      } catch {
        found = null; // the student's code threw or hung on a probe: no evidence either way
      }
      this.seen.set(suspect.key, found);
    }
    return this.seen.get(suspect.key)!;
  }
}
