// The short form of a rule's docs for a hover: the title, the one paragraph that says why it is risky, the
// file's own language's bad and good example, and a link to the full page. The diagnostic's message is not
// repeated: the editor already shows it above the hover.
import type { Rule } from '../engine';

/** Fence tags of each language's examples in rule docs. */
const FENCES: Record<string, string[]> = {
  python: ['python', 'py'],
  javascript: ['js', 'javascript', 'ts', 'typescript', 'jsx', 'tsx'],
  java: ['java'],
  go: ['go'],
  csharp: ['csharp', 'cs', 'c#'],
  php: ['php'],
  ruby: ['ruby', 'rb'],
  dockerfile: ['dockerfile', 'docker'],
  yaml: ['yaml', 'yml'],
  terraform: ['hcl', 'terraform', 'tf'],
};

/** The kind of example a file wants: its code language family, or an infrastructure format by file name. */
export function exampleKind(languageId: string, filePath: string): string | undefined {
  if (/^(javascript|typescript)/.test(languageId)) return 'javascript';
  if (FENCES[languageId]) return languageId;
  const base = filePath.split(/[\\/]/).pop() ?? filePath;
  if (/^(Dockerfile|Containerfile)(\..+)?$|\.[Dd]ockerfile$/.test(base) || languageId === 'dockerfile') return 'dockerfile';
  if (/\.ya?ml$/i.test(base) || languageId === 'yaml') return 'yaml';
  if (/\.(tf|hcl)$/i.test(base) || languageId === 'terraform') return 'terraform';
  return undefined;
}

interface Block {
  tag: string;
  code: string;
  heading: string;
}

function blocksOf(docs: string): Block[] {
  const out: Block[] = [];
  let heading = '';
  const lines = docs.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const h = /^#{1,6}\s+(.*)$/.exec(lines[i]!);
    if (h) {
      heading = h[1]!.trim();
      continue;
    }
    const open = /^(\s*)(`{3,})\s*([\w#+-]*)/.exec(lines[i]!);
    if (!open) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j]!.trimStart().startsWith(open[2]!); j++) body.push(lines[j]!);
    out.push({ tag: open[3]!.toLowerCase(), code: body.join('\n'), heading });
    i = j;
  }
  return out;
}

/** The first paragraph of the "Why it is risky" section (or of the docs), joined into one line. */
export function whyParagraph(docs: string): string {
  const lines = docs.split(/\r?\n/);
  let start = lines.findIndex((l) => /^#{1,6}\s+why\b/i.test(l));
  start = start < 0 ? 0 : start + 1;
  const para: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l === '') {
      if (para.length > 0) break;
      continue;
    }
    if (/^#{1,6}\s/.test(l) || l.startsWith('```')) {
      if (para.length > 0) break;
      continue;
    }
    para.push(l);
  }
  return para.join(' ');
}

function words(s: string): Set<string> {
  return new Set(s.match(/[A-Za-z_][\w]{2,}/g) ?? []);
}

/**
 * The bad and good example for `kind`: a "Bad" and a "Good" section's blocks where the docs split them, else
 * the block (bad and good marked in comments) sharing the most words with the flagged line.
 */
export function exampleFor(docs: string, kind: string | undefined, lineText: string): { tag: string; bad?: string; good?: string; both?: string } | undefined {
  if (!kind) return undefined;
  const tags = FENCES[kind] ?? [];
  const mine = blocksOf(docs).filter((b) => tags.includes(b.tag));
  if (mine.length === 0) return undefined;
  const bad = mine.find((b) => /^bad\b/i.test(b.heading));
  const good = mine.find((b) => /^good\b/i.test(b.heading));
  if (bad && good) return { tag: bad.tag, bad: bad.code, good: good.code };
  const flagged = words(lineText);
  let best = mine[0]!;
  let bestScore = -1;
  for (const b of mine) {
    let score = 0;
    for (const w of words(b.code)) if (flagged.has(w)) score++;
    if (score > bestScore) {
      best = b;
      bestScore = score;
    }
  }
  return { tag: best.tag, both: best.code };
}

export interface HoverInput {
  rule: Rule;
  languageId: string;
  filePath: string;
  /** The text of the flagged line, to pick the example closest to it. */
  lineText: string;
  docsHref: string | undefined;
}

export function ruleHover(h: HoverInput): string {
  const { rule } = h;
  const parts = [`**${rule.title}** · \`${rule.id}\`${rule.cwe.length ? ` · CWE-${rule.cwe[0]}` : ''}`];
  const why = whyParagraph(rule.docs);
  if (why) parts.push(why);
  const ex = exampleFor(rule.docs, exampleKind(h.languageId, h.filePath), h.lineText);
  if (ex?.both !== undefined) parts.push(`\`\`\`${ex.tag}\n${ex.both}\n\`\`\``);
  else if (ex) parts.push(`Bad:\n\`\`\`${ex.tag}\n${ex.bad ?? ''}\n\`\`\``, `Good:\n\`\`\`${ex.tag}\n${ex.good ?? ''}\n\`\`\``);
  if (h.docsHref) parts.push(`[Full documentation](${h.docsHref})`);
  return parts.join('\n\n');
}
