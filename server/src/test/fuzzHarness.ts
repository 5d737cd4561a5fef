// Shared by fuzz.test.ts (a few thousand cases in npm test) and scripts/fuzz.mjs (the long run): a seeded
// mutation fuzzer over the fixture corpus, and the invariants every analysis must keep whatever the input.
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, applyFixes, CODE_LANGUAGES, LineIndex, languageIdForPath, type AnalysisResult, type Engine, type Range, type SourceDocument } from '../engine';

/** mulberry32: tiny, fast and deterministic, so a failing case is reproduced from its seed alone. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
const int = (r: Rand, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)]!;

export function loadCorpus(dir: string): SourceDocument[] {
  const out: SourceDocument[] = [];
  const visit = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) visit(abs);
      else if (e.isFile()) {
        const rel = path.relative(dir, abs).split(path.sep).join('/');
        out.push({ path: rel, languageId: languageIdForPath(rel), text: fs.readFileSync(abs, 'utf8') });
      }
    }
  };
  visit(dir);
  return out;
}

const OTHER_LANGUAGES = [...CODE_LANGUAGES, 'plaintext', 'yaml', 'json', 'dockerfile', 'terraform', 'dotenv', 'unknown-lang'];
// Fragments that wake rules up, so mutations reach the rule code and not only the parser.
const TOKENS = [
  'hashlib.md5(', 'md5', 'password = "', "'AKIA", 'eval(', 'exec(', 'SELECT * FROM t WHERE id = ', '" + x + "', '${x}',
  '# vigil-ignore weak-hash', '// vigil-ignore-next-line sql-injection until 2000-01-01 -- r', 'vigil-ignore', '\\', '"""',
  '`', '/*', '*/', '<?php', '?>', '<%', '%>', '{{', '}}', 'verify=False', 'rejectUnauthorized: false', 'Math.random()',
  'pickle.loads(', 'innerHTML = ', '-----BEGIN RSA PRIVATE KEY-----', 'ghp_', 'xoxb-', '\t', '\u00a0', '\u2028', '😀',
];
const ODD_UNITS = ['\uD800', '\uDFFF', '\uDBFF\uDBFF', '\u0000', '\uFEFF', '\uFFFE', '\uFFFF', '\r', '\n', '\r\n', '\u0085', '\u200b'];

function randomUnits(r: Rand, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const k = r();
    if (k < 0.6) s += String.fromCharCode(32 + int(r, 95));
    else if (k < 0.75) s += pick(r, ODD_UNITS);
    else s += String.fromCharCode(int(r, 0x10000));
  }
  return s;
}

function at(r: Rand, text: string): number {
  return int(r, text.length + 1);
}

function lineEndings(r: Rand, text: string): string {
  const mode = int(r, 3);
  return text.replace(/\r\n|\r|\n/g, () => (mode === 0 ? '\r\n' : mode === 1 ? '\r' : pick(r, ['\n', '\r\n', '\r'])));
}

function nesting(r: Rand, depth: number): string {
  const [open, close] = pick(r, [['(', ')'], ['[', ']'], ['{', '}'], ['f(', ')'], ['<a>', '</a>'], ['[{', '}]'], ['if x:\n' , '']]);
  const closed = r() < 0.5;
  return `x = ${open.repeat(depth)}hashlib.md5(b)${closed ? close.repeat(depth) : ''}\n`;
}

export const MUTATIONS: readonly { name: string; apply: (r: Rand, doc: SourceDocument, corpus: SourceDocument[]) => SourceDocument }[] = [
  { name: 'random-units', apply: (r, d) => ({ ...d, text: randomUnits(r, int(r, 4096)) }) },
  { name: 'truncate', apply: (r, d) => ({ ...d, text: d.text.slice(0, at(r, d.text)) }) },
  {
    name: 'splice',
    apply: (r, d, c) => {
      const o = pick(r, c).text;
      return { ...d, text: d.text.slice(0, at(r, d.text)) + o.slice(at(r, o)) };
    },
  },
  {
    name: 'surrogates',
    apply: (r, d) => {
      let t = d.text;
      for (let i = int(r, 8) + 1; i > 0; i--) {
        const p = at(r, t);
        t = t.slice(0, p) + pick(r, ['\uD800', '\uDC00', '\uDBFF', '\uDFFF']) + t.slice(p);
      }
      return { ...d, text: t };
    },
  },
  {
    name: 'nul',
    apply: (r, d) => {
      // Past the first 8000 characters too, where the binary sniff does not look.
      const pad = r() < 0.5 ? `${'# filler line\n'.repeat(700)}` : '';
      const t = pad + d.text;
      const p = at(r, t);
      return { ...d, text: `${t.slice(0, p)}\u0000${t.slice(p)}` };
    },
  },
  { name: 'line-endings', apply: (r, d) => ({ ...d, text: lineEndings(r, d.text) }) },
  { name: 'bom', apply: (r, d) => ({ ...d, text: `\uFEFF${r() < 0.3 ? lineEndings(r, d.text) : d.text}` }) },
  {
    name: 'duplicate-slice',
    apply: (r, d) => {
      const a = at(r, d.text);
      const b = Math.min(d.text.length, a + int(r, 200));
      return { ...d, text: d.text.slice(0, b) + d.text.slice(a, b).repeat(int(r, 50) + 1) + d.text.slice(b) };
    },
  },
  { name: 'nesting', apply: (r, d) => ({ ...d, text: nesting(r, int(r, 3000) + 1) + d.text }) },
  {
    name: 'flip-units',
    apply: (r, d) => {
      const chars = d.text.split('');
      for (let i = int(r, 16) + 1; i > 0 && chars.length; i--) chars[int(r, chars.length)] = randomUnits(r, 1);
      return { ...d, text: chars.join('') };
    },
  },
  { name: 'wrong-language', apply: (r, d) => ({ ...d, languageId: pick(r, OTHER_LANGUAGES) }) },
  {
    name: 'delete-range',
    apply: (r, d) => {
      const a = at(r, d.text);
      return { ...d, text: d.text.slice(0, a) + d.text.slice(a + int(r, 400)) };
    },
  },
  {
    name: 'insert-token',
    apply: (r, d) => {
      let t = d.text;
      for (let i = int(r, 6) + 1; i > 0; i--) {
        const p = at(r, t);
        t = t.slice(0, p) + pick(r, TOKENS) + t.slice(p);
      }
      return { ...d, text: t };
    },
  },
];

/** One fuzz case: a corpus file with 1 to 3 stacked mutations. Deterministic for a given seed. */
export function makeCase(seed: number, corpus: SourceDocument[]): { doc: SourceDocument; mutations: string[] } {
  const r = rng(seed);
  let doc = { ...pick(r, corpus) };
  const mutations: string[] = [];
  for (let i = int(r, 3) + 1; i > 0; i--) {
    const m = pick(r, MUTATIONS);
    mutations.push(m.name);
    doc = m.apply(r, doc, corpus);
  }
  return { doc, mutations };
}

function inside(lines: LineIndex, range: Range): string | undefined {
  for (const p of [range.start, range.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `bad position ${JSON.stringify(p)}`;
    if (p.line >= lines.lineCount) return `line ${p.line} past the last line ${lines.lineCount - 1}`;
    if (lines.lineStart(p.line) + p.character > lines.lineEnd(p.line)) return `character ${p.character} past the end of line ${p.line}`;
  }
  if (lines.offsetAt(range.start) > lines.offsetAt(range.end)) return `range ends before it starts ${JSON.stringify(range)}`;
  return undefined;
}

/** Problems with a result; an empty list means every invariant holds. */
export function violations(doc: SourceDocument, result: AnalysisResult): string[] {
  const out: string[] = [];
  const lines = new LineIndex(doc.text);
  for (const f of result.findings) {
    const bad = inside(lines, f.range);
    if (bad) out.push(`${f.ruleId} finding: ${bad}`);
    for (const fix of f.fixes) {
      let last = -1;
      for (const e of fix.edits) {
        const be = inside(lines, e.range);
        if (be) out.push(`${f.ruleId} fix '${fix.title}': edit ${be}`);
        const s = lines.offsetAt(e.range.start);
        if (s < last) out.push(`${f.ruleId} fix '${fix.title}': edits overlap or are unsorted`);
        last = lines.offsetAt(e.range.end);
      }
      try {
        applyEdits(doc.text, fix.edits);
      } catch (e) {
        out.push(`${f.ruleId} fix '${fix.title}' does not apply: ${(e as Error).message}`);
      }
    }
  }
  for (const n of result.notes) {
    const bad = inside(lines, n.range);
    if (bad) out.push(`note ${n.code}: ${bad}`);
  }
  const firsts = result.findings.filter((f) => f.fixes.length > 0).map((f) => f.fixes[0]!);
  try {
    applyFixes(doc.text, firsts);
  } catch (e) {
    out.push(`fix-all does not apply: ${(e as Error).message}`);
  }
  return out;
}

export interface CaseOutcome {
  failures: string[];
  ms: number;
}

/** Analyses one document and checks every invariant, including the (generous) time bound. */
export async function runCase(engine: Engine, doc: SourceDocument, boundMs: number): Promise<CaseOutcome> {
  const t0 = performance.now();
  let result: AnalysisResult;
  try {
    result = await engine.analyze(doc, { today: '2026-01-01' });
  } catch (e) {
    return { failures: [`analyze threw: ${(e as Error).stack ?? String(e)}`], ms: performance.now() - t0 };
  }
  const ms = performance.now() - t0;
  const failures = violations(doc, result);
  if (ms > boundMs) failures.push(`took ${ms.toFixed(0)} ms (bound ${boundMs} ms)`);
  return { failures, ms };
}
