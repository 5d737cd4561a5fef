// What helpers learn from the whole document text rather than from the matched code: "the file mentions
// ScriptEngine", "this JavaScript file imports child_process as cp", "single quotes are the majority". The
// editor's incremental analysis re-runs only the function that changed and carries every other finding over,
// which is sound only while these facts still hold: an edit inside one function can add the word another
// function's finding depends on. Each fact is recorded with the function that computes it, so the next edit can
// re-check all of them against the new text (a few regex tests) and fall back to a full analysis if one changed.

type Compute = (text: string) => string;

export class DocumentFacts {
  private readonly facts = new Map<string, { value: string; compute: Compute }>();

  /** The fact `key` of `text`, computed once per analysis and recorded. */
  get(key: string, text: string, compute: Compute): string {
    let f = this.facts.get(key);
    if (!f) {
      f = { value: compute(text), compute };
      this.facts.set(key, f);
    }
    return f.value;
  }

  /** True when every recorded fact computes the same on `text`. */
  holdFor(text: string): boolean {
    for (const f of this.facts.values()) if (f.compute(text) !== f.value) return false;
    return true;
  }

  /** Adds the facts of `other` this one lacks (those behind findings carried over from an earlier run). */
  absorb(other: DocumentFacts): void {
    for (const [k, f] of other.facts) if (!this.facts.has(k)) this.facts.set(k, f);
  }
}
