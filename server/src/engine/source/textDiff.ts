// The common prefix and suffix of two texts: what every editor keystroke diffs first (the parse plan, the regex
// lines and the keyword counts each need it). Blocks of characters are compared as strings before single ones:
// V8 compares two slices natively, about 20 times as fast as a loop over charCodeAt (13 µs against 150-340 µs for
// a 36 KB file), which was paid three times per keystroke, ten times over at 10,000 lines.

/** Block sizes tried, largest first; each loop leaves less than its block to the next. */
const BLOCKS = [4096, 1024, 256, 64, 16];

/**
 * The length of the common prefix of `a` and `b`, and of their common suffix within what the prefix leaves (so
 * prefix + suffix never exceeds the shorter text), in UTF-16 units.
 */
export function commonAffixes(a: string, b: string): { prefix: number; suffix: number } {
  const min = Math.min(a.length, b.length);
  let prefix = 0;
  for (const step of BLOCKS) while (prefix + step <= min && a.slice(prefix, prefix + step) === b.slice(prefix, prefix + step)) prefix += step;
  while (prefix < min && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const room = min - prefix;
  let suffix = 0;
  for (const step of BLOCKS) {
    while (suffix + step <= room && a.slice(a.length - suffix - step, a.length - suffix) === b.slice(b.length - suffix - step, b.length - suffix)) suffix += step;
  }
  while (suffix < room && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}
