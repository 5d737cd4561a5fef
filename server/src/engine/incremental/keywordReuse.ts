import type { KeywordIndex } from '../match/keywords';
import { commonAffixes } from '../source/textDiff';

// The keywords of a document in the editor. Scanning a large file for every rule keyword took longer than most
// steps of a keystroke (18 ms of 10,000 lines of Python, 300 keywords); what is found at a position depends only
// on the `longest` characters from there, so after an edit only the positions from that far before it to its end
// are scanned again, old text and new, and the counts of the rest carry over.

/** The counts of a document's last text (see KeywordIndex.count). */
export interface KeywordScan {
  lower: string;
  counts: Map<string, number>;
}

/** The keywords present in `lower`, rescanning only around the change from `scan`'s text; updates `scan`. */
export function keywordsReusing(index: KeywordIndex, lower: string, holder: { keywordScan: KeywordScan | undefined }): Set<string> {
  const scan = holder.keywordScan;
  if (!scan) {
    const counts = new Map<string, number>();
    index.count(lower, 0, lower.length, counts, 1);
    holder.keywordScan = { lower, counts };
    return index.presentIn(counts);
  }
  const old = scan.lower;
  if (old !== lower) {
    const { prefix: start, suffix } = commonAffixes(old, lower);
    const from = Math.max(0, start - index.longest + 1);
    index.count(old, from, old.length - suffix, scan.counts, -1);
    index.count(lower, from, lower.length - suffix, scan.counts, 1);
    scan.lower = lower;
  }
  return index.presentIn(scan.counts);
}
