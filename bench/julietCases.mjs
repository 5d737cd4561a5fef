// The test cases of a Juliet Java tree and which of their lines are bad or good, for the Juliet section of
// `npm run bench:accuracy`. Labels come from file and method names only (never from the FLAW/FIX comments):
//  - a case is one file (`X_01.java`) or the files sharing a stem (`X_54a.java` ... `X_54e.java`; `X_81a.java`,
//    `X_81_base.java`, `X_81_bad.java`, `X_81_goodG2B.java`, `X_81_goodB2G.java`);
//  - a file whose suffix is `_bad` is bad as a whole, `_good...` good as a whole (the variant 81 subclasses,
//    whose only method is `action`); elsewhere a line is bad inside a method named `bad...` (`bad`, `badSink`,
//    `badSource`), good inside one named `good...` (`good`, `good1`, `goodG2B`, `goodB2GSink`); the innermost
//    such method wins, so an anonymous class inside `goodG2B` is good. Other lines (fields, imports, `main`) are
//    neither and do not count.
import fs from 'node:fs';
import path from 'node:path';
import { javaMethods } from './javaMethods.mjs';

const FILE = /^(.*_(\d+))([a-z]|_[A-Za-z]\w*)?\.java$/;
const BAD = /^bad(?![a-z])/;
const GOOD = /^good(?![a-z])/;

/** Stem, flow variant and suffix of a Juliet file name, or undefined for a file that is not part of a case. */
export function parseCaseFileName(name) {
  const m = FILE.exec(name);
  if (!m || !/^CWE\d+_/.test(name)) return undefined;
  return { stem: m[1], variant: Number(m[2]), suffix: m[3] ?? '' };
}

export const methodLabel = (name) => (BAD.test(name) ? 'bad' : GOOD.test(name) ? 'good' : undefined);

function wholeFileLabel(suffix) {
  if (/^_bad/.test(suffix)) return 'bad';
  if (/^_good/.test(suffix)) return 'good';
  return undefined;
}

function* javaFiles(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) yield* javaFiles(abs);
    else if (e.isFile() && e.name.endsWith('.java')) yield abs;
  }
}

/**
 * The cases under `<root>/testcases/<folder>` for each named CWE folder. Paths are relative to `root` with `/`
 * separators, as the CLI reports them with `--root <root>`.
 * Returns { cases: Case[], byPath: Map<rel, { case, file }> } where
 * Case = { key, folder, cwe, variant, files: File[], hasBad, hasGood, badAt } and
 * File = { rel, whole: 'bad'|'good'|undefined, methods: { name, label, start, end }[] }.
 */
export function loadCases(root, folders) {
  const byKey = new Map();
  const byPath = new Map();
  for (const folder of folders) {
    const dir = path.join(root, 'testcases', folder);
    if (!fs.existsSync(dir)) continue;
    const cwe = Number(/^CWE(\d+)_/.exec(folder)?.[1]);
    for (const abs of javaFiles(dir)) {
      const parsed = parseCaseFileName(path.basename(abs));
      if (!parsed) continue;
      const rel = path.relative(root, abs).split(path.sep).join('/');
      const key = `${path.posix.dirname(rel)}/${parsed.stem}`;
      let c = byKey.get(key);
      if (!c) byKey.set(key, (c = { key, folder, cwe, variant: parsed.variant, files: [], hasBad: false, hasGood: false, badAt: undefined }));
      const whole = wholeFileLabel(parsed.suffix);
      const methods = javaMethods(fs.readFileSync(abs, 'utf8'))
        .map((m) => ({ ...m, label: methodLabel(m.name) }))
        .filter((m) => m.label);
      const file = { rel, whole, methods };
      c.files.push(file);
      byPath.set(rel, { case: c, file });
    }
  }
  const cases = [...byKey.values()];
  for (const c of cases) {
    c.files.sort((a, b) => a.rel.localeCompare(b.rel));
    c.hasBad = c.files.some((f) => f.whole === 'bad' || (!f.whole && f.methods.some((m) => m.label === 'bad')));
    c.hasGood = c.files.some((f) => f.whole === 'good' || (!f.whole && f.methods.some((m) => m.label === 'good')));
    // Where to look for a missed case: its `bad` method (the entry point), else its first bad part.
    const entry = c.files.flatMap((f) => (f.whole ? [] : f.methods.filter((m) => m.name === 'bad').map((m) => `${f.rel}:${m.start}`)))[0];
    const first = c.files.flatMap((f) => (f.whole === 'bad' ? [`${f.rel}:1`] : f.whole ? [] : f.methods.filter((m) => m.label === 'bad').map((m) => `${f.rel}:${m.start}`)))[0];
    c.badAt = entry ?? first;
  }
  return { cases: cases.sort((a, b) => a.key.localeCompare(b.key)), byPath };
}

/** 'bad', 'good' or undefined for a 1-based line of a case file. */
export function labelAt(file, line) {
  if (file.whole) return file.whole;
  let best;
  for (const m of file.methods) {
    if (line < m.start || line > m.end) continue;
    if (!best || m.end - m.start < best.end - best.start) best = m;
  }
  return best?.label;
}
