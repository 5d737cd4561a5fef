import type { RegexPattern } from '../../engine/types';
import type { Capture, FilterHelper, MatchContext } from '../shared/types';

// The generic layer stays quiet where a provider pattern already reports the same value: the provider finding is
// more precise (high confidence, names the provider), and one secret should give one finding, not two.

const compiled = new Map<string, RegExp>();

function regexOf(file: string, index: number, p: RegexPattern): RegExp {
  const key = `${file}#${index}`;
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(p.regex, `${(p.flags ?? '').replace(/[gd]/g, '')}gd`);
    compiled.set(key, re);
  }
  return re;
}

/** A provider pattern: a regex of this rule that does not itself run the generic filter. */
function isProvider(p: RegexPattern, genericFilter: string): boolean {
  return !(p.where ?? []).some((w) => w.helper === genericFilter);
}

/**
 * True when a provider pattern of the same rule matches (and its filters accept) a span overlapping [start, end).
 * Only the lines around the value are searched, so the cost is bounded by the line length, not the file.
 */
export function overlapsProvider(ctx: MatchContext, start: number, end: number, genericFilter: string, filters: Record<string, FilterHelper>): boolean {
  const first = ctx.lines.positionAt(start).line;
  const last = ctx.lines.positionAt(Math.max(start, end - 1)).line;
  const from = ctx.lines.lineStart(first);
  const window = ctx.text.slice(from, ctx.lines.lineEnd(last));
  const lower = window.toLowerCase();
  for (let i = 0; i < ctx.rule.patterns.length; i++) {
    const p = ctx.rule.patterns[i]!;
    if (p.kind !== 'regex' || !isProvider(p, genericFilter)) continue;
    if (p.keywords && p.keywords.length > 0 && !p.keywords.some((k) => lower.includes(k.toLowerCase()))) continue;
    const re = regexOf(ctx.rule.file, i, p);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(window)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const sub: MatchContext = { ...ctx, pattern: p, captures: new Map(), vars: {} };
      const whole: Capture = { name: 'match', text: m[0], start: from + m.index, end: from + m.index + m[0].length };
      sub.captures.set('match', [whole]);
      for (const [name, span] of Object.entries(m.indices?.groups ?? {})) {
        if (span) sub.captures.set(name, [{ name, text: window.slice(span[0], span[1]), start: from + span[0], end: from + span[1] }]);
      }
      if (!sub.captures.has('finding')) sub.captures.set('finding', [(p.group ? sub.captures.get(p.group)?.[0] : undefined) ?? whole]);
      const f = sub.captures.get('finding')![0]!;
      if (f.end <= start || f.start >= end) continue;
      const accepted = (p.where ?? []).every((w) => {
        const fn = filters[w.helper];
        if (!fn) return true; // helpers of other modules (severity, setVar) never reject
        const ok = fn(sub, sub.captures.get(w.capture ?? 'finding')?.[0], w.options ?? {});
        return ok !== Boolean(w.negate);
      });
      if (accepted) return true;
    }
  }
  return false;
}
