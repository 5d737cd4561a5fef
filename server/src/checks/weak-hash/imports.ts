import { sourceOf, type Node } from '../../engine/source/parse';
import type { OffsetEdit } from '../shared/types';
import type { WeakAlgorithm } from './algo';
import { declaresNonSecurityUse, hashesPassword, insideHmacOrKdf } from './tree';

// Weak-hash fixes that must touch imports as well as the call: Go (`crypto/md5` → `crypto/sha256`) and
// Python's `from hashlib import md5`. An import belongs to the file, not to one call, so these fixes rewrite
// every flagged call of the file at once and then settle the imports: a weak import that is no longer used is
// replaced or removed (Go refuses unused imports), one still used elsewhere (a password call, an HMAC
// parameter, `md5.Size`) stays and the SHA-256 import is added beside it. Every finding in the file therefore
// carries the same edits, so applying one of them, or all (the rest are skipped as overlapping), gives the
// same compiling file.

// Import lists are read once per parsed tree: the patterns that consult them match every call of a file.
const perTree = new WeakMap<object, Map<string, unknown>>();

function memo<T>(root: Node, key: string, compute: () => T): T {
  let m = perTree.get(root.tree);
  if (!m) {
    m = new Map();
    perTree.set(root.tree, m);
  }
  if (!m.has(key)) m.set(key, compute());
  return m.get(key) as T;
}

/** Every node of `type` under `root`, in document order; the walk runs inside tree-sitter, not node by node. */
function descendants(root: Node, type: string): Node[] {
  return root.descendantsOfType(type).filter((n): n is Node => n !== null);
}

/**
 * The nodes of `type` that contain a match of `re` (global) at its start, in document order. Finding a statement
 * by its text and then climbing from the node there costs a regex pass plus the tree's depth per hit; a walk of
 * the whole tree (even inside tree-sitter) cost 13 ms per keystroke on a 10,000-line Python file. `re` must match
 * at the start of every node of `type` it is meant to find; the climb drops matches inside strings or comments.
 */
function nodesAtText(root: Node, re: RegExp, type: string): Node[] {
  const out: Node[] = [];
  let last = -1;
  for (const m of sourceOf(root).matchAll(re)) {
    let n: Node | null = root.descendantForIndex(m.index);
    while (n && n.type !== type) n = n.parent;
    if (n && n.startIndex > last) {
      out.push(n);
      last = n.startIndex;
    }
  }
  return out;
}

/** Whitespace, also across backslash-continued lines (Python). */
const SP = String.raw`(?:\s|\\\r?\n)+`;

/** Widens a span to whole lines when only blanks surround it on its first and last line (for deleting a line). */
function wholeLines(text: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  let e = end;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  if ((s === 0 || text[s - 1] === '\n') && (e === text.length || text[e] === '\n' || text[e] === '\r')) {
    if (text[e] === '\r') e++;
    if (text[e] === '\n') e++;
    return [s, e];
  }
  return [start, end];
}

function lineIndent(text: string, at: number): string {
  let s = at;
  while (s > 0 && text[s - 1] !== '\n') s--;
  return /^[ \t]*/.exec(text.slice(s, at))![0];
}

// ---- Go ----

interface GoImport {
  spec: Node;
  local: string;
  path: string;
}

const GO_WEAK: Record<string, WeakAlgorithm> = { 'crypto/md5': 'MD5', 'crypto/sha1': 'SHA-1' };

function goImports(root: Node): GoImport[] {
  // Go allows imports only in the file's leading import declarations.
  const specs = (): Node[] => root.namedChildren.filter((c): c is Node => c?.type === 'import_declaration').flatMap((d) => descendants(d, 'import_spec'));
  return memo(root, 'go-imports', () => specs().map((spec) => {
    const path = (spec.childForFieldName('path')?.text ?? '').replace(/^["`]|["`]$/g, '');
    const local = spec.childForFieldName('name')?.text ?? path.split('/').pop() ?? path;
    return { spec, local, path };
  }));
}

/** A `pkg.New()` / `pkg.Sum(x)` call the rule flags and the fix rewrites (same conditions as the rule's filters). */
function goFlaggedSite(sel: Node): boolean {
  const call = sel.parent;
  const field = sel.childForFieldName('field')?.text;
  if (!call || call.type !== 'call_expression' || call.childForFieldName('function')?.startIndex !== sel.startIndex) return false;
  if (field !== 'New' && field !== 'Sum') return false;
  return !insideHmacOrKdf(call) && !hashesPassword(call);
}

/** The same edits for every flagged call of a file: computed once per tree. */
export function goImportFix(root: Node): OffsetEdit[] | undefined {
  return memo(root, 'go-fix', () => goImportFixOf(root));
}

function goImportFixOf(root: Node): OffsetEdit[] | undefined {
  const text = sourceOf(root);
  const imports = goImports(root);
  const weak = imports.filter((i) => GO_WEAK[i.path] && i.local !== '_' && i.local !== '.');
  if (weak.length === 0) return undefined;
  // A fixed-size digest type (`[16]byte`, `[sha1.Size]byte`) would no longer match Sum256's [32]byte: no fix.
  const weakSizes = new Set(['16', '20', ...weak.map((w) => `${w.local}.Size`)]);
  if (descendants(root, 'array_type').some((a) => weakSizes.has(a.childForFieldName('length')?.text ?? ''))) return undefined;
  const sha = imports.find((i) => i.path === 'crypto/sha256' && i.local !== '_' && i.local !== '.');
  const target = sha?.local ?? 'sha256';
  const selectors = descendants(root, 'selector_expression');
  const edits: OffsetEdit[] = [];
  const unused: GoImport[] = [];
  for (const w of weak) {
    const refs = selectors.filter((s) => s.childForFieldName('operand')?.type === 'identifier' && s.childForFieldName('operand')?.text === w.local);
    const flagged = refs.filter(goFlaggedSite);
    for (const s of flagged) {
      const field = s.childForFieldName('field')!.text;
      edits.push({ start: s.startIndex, end: s.endIndex, text: `${target}.${field === 'Sum' ? 'Sum256' : field}` });
    }
    if (flagged.length === refs.length) unused.push(w);
  }
  if (edits.length === 0) return undefined;
  const remove = (imp: GoImport): void => {
    const single = imp.spec.parent?.type === 'import_declaration' ? imp.spec.parent : imp.spec;
    const [s, e] = wholeLines(text, single.startIndex, single.endIndex);
    edits.push({ start: s, end: e, text: '' });
  };
  if (sha) unused.forEach(remove);
  else if (unused.length > 0) {
    edits.push({ start: unused[0]!.spec.startIndex, end: unused[0]!.spec.endIndex, text: '"crypto/sha256"' });
    unused.slice(1).forEach(remove);
  } else {
    const anchor = weak[0]!.spec;
    if (anchor.parent?.type === 'import_declaration') {
      edits.push({ start: anchor.parent.endIndex, end: anchor.parent.endIndex, text: '\nimport "crypto/sha256"' });
    } else {
      edits.push({ start: anchor.endIndex, end: anchor.endIndex, text: `\n${lineIndent(text, anchor.startIndex)}"crypto/sha256"` });
    }
  }
  return edits;
}

// ---- Python ----

interface PyImportItem {
  node: Node;
  original: string;
  local: string;
}

interface PyFromImport {
  stmt: Node;
  items: PyImportItem[];
}

function pyFromImports(root: Node, modules: string[]): PyFromImport[] {
  const out: PyFromImport[] = [];
  const statements = (): Node[] => nodesAtText(root, new RegExp(String.raw`\bfrom${SP}[\w.]+${SP}import\b`, 'g'), 'import_from_statement');
  for (const stmt of memo(root, 'py-from', statements)) {
    if (!modules.includes(stmt.childForFieldName('module_name')?.text ?? '')) continue;
    const items = stmt.childrenForFieldName('name').flatMap((n): PyImportItem[] => {
      if (!n) return [];
      if (n.type === 'aliased_import') {
        const original = n.childForFieldName('name')?.text ?? '';
        return [{ node: n, original, local: n.childForFieldName('alias')?.text ?? original }];
      }
      return [{ node: n, original: n.text, local: n.text }];
    });
    out.push({ stmt, items });
  }
  return out;
}


function pyReferences(root: Node, local: string): Node[] {
  return descendants(root, 'identifier').filter((id) => {
    if (id.text !== local) return false;
    const p = id.parent;
    if (!p) return true;
    if (p.type === 'attribute' && p.childForFieldName('attribute')?.startIndex === id.startIndex) return false;
    if (p.type === 'keyword_argument' && p.childForFieldName('name')?.startIndex === id.startIndex) return false;
    for (let n: Node | null = p; n; n = n.parent) if (n.type === 'import_from_statement' || n.type === 'import_statement') return false;
    return true;
  });
}

function pyFlaggedSite(id: Node): boolean {
  const call = id.parent;
  if (!call || call.type !== 'call' || call.childForFieldName('function')?.startIndex !== id.startIndex) return false;
  return !declaresNonSecurityUse(call) && !insideHmacOrKdf(call) && !hashesPassword(call);
}

/** The same edits for every flagged call of a file: computed once per tree. */
export function pyFromImportFix(root: Node): OffsetEdit[] | undefined {
  return memo(root, 'py-fix', () => pyFromImportFixOf(root));
}

function pyFromImportFixOf(root: Node): OffsetEdit[] | undefined {
  const text = sourceOf(root);
  const imports = pyFromImports(root, ['hashlib']);
  const all = imports.flatMap((i) => i.items);
  const sha = all.find((i) => i.original === 'sha256');
  const target = sha?.local ?? 'sha256';
  const edits: OffsetEdit[] = [];
  const unused = new Set<Node['id']>();
  let firstWeak: PyImportItem | undefined;
  for (const item of all) {
    if (!/^(md5|sha1)$/.test(item.original)) continue;
    firstWeak ??= item;
    const refs = pyReferences(root, item.local);
    const flagged = refs.filter(pyFlaggedSite);
    for (const id of flagged) edits.push({ start: id.startIndex, end: id.endIndex, text: target });
    if (flagged.length === refs.length) unused.add(item.node.id);
  }
  if (edits.length === 0 || !firstWeak) return undefined;
  // Rebuild each affected import list: drop weak names no longer used, and put `sha256` where the first one was
  // (or append it when every weak name is still needed).
  let placed = Boolean(sha);
  for (const imp of imports) {
    const kept: string[] = [];
    let changed = false;
    for (const item of imp.items) {
      if (unused.has(item.node.id)) {
        changed = true;
        if (!placed) {
          kept.push('sha256');
          placed = true;
        }
      } else kept.push(item.node.text);
    }
    if (!placed && imp.items.includes(firstWeak)) {
      kept.push('sha256');
      placed = true;
      changed = true;
    }
    if (!changed) continue;
    if (kept.length === 0) {
      const [s, e] = wholeLines(text, imp.stmt.startIndex, imp.stmt.endIndex);
      edits.push({ start: s, end: e, text: '' });
    } else {
      const first = imp.items[0]!.node;
      const last = imp.items[imp.items.length - 1]!.node;
      edits.push({ start: first.startIndex, end: last.endIndex, text: kept.join(', ') });
    }
  }
  return edits;
}
