import { sourceOf, type Node } from '../../engine/source/parse';
import type { MatchContext, OffsetEdit, Options } from '../shared/types';
import { capture, documentTest, optString } from '../shared/types';
import { enclosingLiteral, hasInterpolation, isLiteral, literalContent, nameForLiteral } from './literal';
import { envVarName } from './name';
import { treeFact } from '../../engine/incremental/documentFacts';

// Quick fix: replace a hardcoded secret literal with an environment lookup named after the variable, adding the
// import the lookup needs (Python `os`, Go "os"). Unsafe by design: the program now needs that variable at run time.

type Lang = 'js' | 'python' | 'java' | 'go' | 'csharp' | 'php' | 'ruby';

function langOf(languageId: string): Lang | undefined {
  switch (languageId) {
    case 'javascript':
    case 'javascriptreact':
    case 'typescript':
    case 'typescriptreact':
      return 'js';
    case 'python':
    case 'java':
    case 'go':
    case 'csharp':
    case 'php':
    case 'ruby':
      return languageId;
    default:
      return undefined;
  }
}

function ancestors(node: Node): Node[] {
  const out: Node[] = [];
  for (let n = node.parent; n; n = n.parent) out.push(n);
  return out;
}

// Places where a call is not allowed (constant expressions) and no mechanical rewrite exists.
const NO_CALL_CONTEXTS: Record<Lang, string[]> = {
  js: ['enum_body', 'enum_assignment', 'type_annotation', 'literal_type'],
  python: [],
  java: ['annotation', 'element_value_pair', 'switch_label'],
  go: ['import_spec', 'field_declaration'],
  csharp: ['attribute', 'attribute_argument', 'parameter', 'switch_section', 'case_switch_label'],
  php: ['property_declaration', 'const_declaration', 'simple_parameter', 'property_promotion_parameter', 'static_variable_declaration', 'enum_case', 'attribute'],
  ruby: [],
};

// Where `import os` goes is a fact of the whole file, recorded for incremental analysis (see documentFacts.ts).
function pythonImportEdit(ctx: MatchContext): OffsetEdit | undefined {
  return treeFact(ctx.tree!.rootNode, 'python-import-os', (root) => pythonImportEditOf(root) ?? null) ?? undefined;
}

function pythonImportEditOf(root: Node): OffsetEdit | undefined {
  if (/^[ \t]*import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*os[ \t]*(?:,|#|$)/m.test(sourceOf(root))) return undefined;
  const top = root.namedChildren.filter((c): c is Node => c !== null);
  const future = top.filter((c) => c.type === 'future_import_statement' || (c.type === 'import_from_statement' && /^from\s+__future__\b/.test(c.text)));
  if (future.length > 0) return { start: future[future.length - 1]!.endIndex, end: future[future.length - 1]!.endIndex, text: '\nimport os' };
  const firstImport = top.find((c) => c.type === 'import_statement' || c.type === 'import_from_statement');
  if (firstImport) return { start: firstImport.startIndex, end: firstImport.startIndex, text: 'import os\n' };
  const first = top.find((c) => c.type !== 'comment');
  if (first && first.type === 'expression_statement' && first.namedChildren[0]?.type === 'string') {
    return { start: first.endIndex, end: first.endIndex, text: '\n\nimport os' };
  }
  const at = first ? first.startIndex : sourceOf(root).length;
  return { start: at, end: at, text: 'import os\n\n' };
}

function goImportEdit(ctx: MatchContext): OffsetEdit | undefined {
  return treeFact(ctx.tree!.rootNode, 'go-import-os', (root) => goImportEditOf(root) ?? null) ?? undefined;
}

function goImportEditOf(root: Node): OffsetEdit | undefined {
  const imports = root.namedChildren.filter((c): c is Node => c !== null && c.type === 'import_declaration');
  for (const d of imports) if (/(^|[\s(])"os"(\s|\)|$)/.test(d.text)) return undefined;
  const grouped = imports.map((d) => d.namedChildren.find((c) => c?.type === 'import_spec_list')).find((c) => c);
  if (grouped) return goGroupedImportEdit(grouped);
  if (imports.length > 0) {
    const last = imports[imports.length - 1]!;
    return { start: last.endIndex, end: last.endIndex, text: '\nimport "os"' };
  }
  const pkg = root.namedChildren.find((c) => c?.type === 'package_clause');
  if (!pkg) return undefined;
  return { start: pkg.endIndex, end: pkg.endIndex, text: '\n\nimport "os"' };
}

/**
 * `"os"` inside an `import ( ... )` list, where gofmt would keep it: specs are sorted by path within each run of
 * lines (runs are separated by blank lines or comments), and the standard library's run is the one without a dot
 * in its first path element (goimports' grouping). The new line copies the indentation of its neighbour.
 */
function goGroupedImportEdit(list: Node): OffsetEdit {
  const src = sourceOf(list);
  const specs = list.namedChildren.filter((c): c is Node => c !== null && c.type === 'import_spec');
  if (specs.length === 0) return { start: list.startIndex + 1, end: list.startIndex + 1, text: '\n\t"os"' };
  const pathOf = (spec: Node): string => (spec.childForFieldName('path')?.text ?? spec.text).replace(/^["`]|["`]$/g, '');
  const runs: Node[][] = [];
  for (const spec of specs) {
    const prev = runs[runs.length - 1]?.[runs[runs.length - 1]!.length - 1];
    const between = prev ? src.slice(prev.endIndex, spec.startIndex) : '';
    // A blank line, or a comment line of its own, starts a new run for gofmt.
    if (!prev || /\n[ \t]*\n/.test(between) || /\n[ \t]*\/[/*]/.test(between)) runs.push([spec]);
    else runs[runs.length - 1]!.push(spec);
  }
  const run = runs.find((r) => r.some((spec) => !pathOf(spec).split('/')[0]!.includes('.'))) ?? runs[0]!;
  const indentOf = (spec: Node): string => {
    const lineStart = src.lastIndexOf('\n', spec.startIndex - 1) + 1;
    return src.slice(lineStart, spec.startIndex);
  };
  const after = run.find((spec) => pathOf(spec) > 'os');
  if (after) return { start: after.startIndex, end: after.startIndex, text: `"os"\n${indentOf(after)}` };
  const last = run[run.length - 1]!;
  // After the last spec's line, so a trailing comment stays on its own spec.
  const eol = src.indexOf('\n', last.endIndex);
  const at = eol < 0 || eol > list.endIndex ? last.endIndex : eol;
  return { start: at, end: at, text: `\n${indentOf(last)}"os"` };
}

/** Go `const x = "..."` cannot hold a call: a lone const becomes a var; a grouped one gets no fix. */
function goConstEdit(lit: Node): OffsetEdit | null | undefined {
  const spec = ancestors(lit).find((a) => a.type === 'const_spec');
  if (!spec) return undefined;
  const decl = spec.parent;
  if (!decl || decl.type !== 'const_declaration' || decl.namedChildren.length !== 1 || decl.text.includes('(')) return null;
  const kw = decl.child(0);
  if (!kw || kw.type !== 'const') return null;
  return { start: kw.startIndex, end: kw.endIndex, text: 'var' };
}

/** C# `const` cannot hold a call: a const field becomes `static readonly`, a local const a plain local. */
function csharpConstEdit(lit: Node, text: string): OffsetEdit | undefined {
  const holder = ancestors(lit).find((a) => a.type === 'field_declaration' || a.type === 'local_declaration_statement');
  if (!holder) return undefined;
  const mod = holder.namedChildren.find((c) => c?.type === 'modifier' && c.text === 'const');
  if (!mod) return undefined;
  if (holder.type === 'field_declaration') {
    const isStatic = holder.namedChildren.some((c) => c?.type === 'modifier' && c.text === 'static');
    return { start: mod.startIndex, end: mod.endIndex, text: isStatic ? 'readonly' : 'static readonly' };
  }
  let end = mod.endIndex;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return { start: mod.startIndex, end, text: '' };
}

function lookup(lang: Lang, name: string, ctx: MatchContext): string {
  switch (lang) {
    case 'js':
      return /^[A-Za-z_]\w*$/.test(name) ? `process.env.${name}` : `process.env["${name}"]`;
    case 'python':
      return `os.environ["${name}"]`;
    case 'java':
      return `System.getenv("${name}")`;
    case 'go':
      return `os.Getenv("${name}")`;
    case 'csharp':
      return documentTest(ctx, /^\s*using\s+System\s*;/m) ? `Environment.GetEnvironmentVariable("${name}")` : `System.Environment.GetEnvironmentVariable("${name}")`;
    case 'php':
      return `getenv('${name}')`;
    case 'ruby':
      return `ENV["${name}"]`;
  }
}

/** Keeps an HTTP authorization scheme (`"Bearer " + lookup`): only the credential after it moves to the environment. */
function withScheme(lang: Lang, lit: Node, expr: string): string {
  const scheme = /^(Bearer|Basic|Token|Bot)\s+/i.exec(literalContent(lit)?.text ?? '');
  if (!scheme) return expr;
  // Keep the file's quote style where the language allows single quotes.
  const q = lit.text.startsWith("'") && (lang === 'js' || lang === 'python' || lang === 'php' || lang === 'ruby') ? "'" : '"';
  return lang === 'php' ? `${q}${scheme[1]} ${q} . ${expr}` : `${q}${scheme[1]} ${q} + ${expr}`;
}

/** The literal the finding is about: the query's capture, or (provider regexes) the literal that is exactly the token. */
function targetLiteral(ctx: MatchContext): Node | undefined {
  const f = capture(ctx, 'finding');
  if (!f) return undefined;
  if (f.node && isLiteral(f.node)) return f.node;
  if (!ctx.tree) return undefined;
  const lit = enclosingLiteral(ctx.tree, f.start, f.end);
  if (!lit) return undefined;
  const content = literalContent(lit);
  // Only a literal that holds the token and nothing else can be replaced by a lookup of it.
  if (!content || content.start !== f.start || content.end !== f.end) return undefined;
  return lit;
}

export function secretToEnv(ctx: MatchContext, options: Options): OffsetEdit[] | undefined {
  const lang = langOf(ctx.doc.languageId);
  if (!lang || !ctx.tree) return undefined;
  const lit = targetLiteral(ctx);
  if (!lit || hasInterpolation(lit)) return undefined;
  const types = new Set(ancestors(lit).map((a) => a.type));
  if (NO_CALL_CONTEXTS[lang].some((t) => types.has(t))) return undefined;
  const nameNode = capture(ctx, 'name')?.text ?? nameForLiteral(lit)?.text;
  const name = nameNode ? envVarName(nameNode) : optString(options, 'envName');
  if (!name) return undefined;
  const edits: OffsetEdit[] = [{ start: lit.startIndex, end: lit.endIndex, text: withScheme(lang, lit, lookup(lang, name, ctx)) }];
  if (lang === 'go') {
    const c = goConstEdit(lit);
    if (c === null) return undefined;
    if (c) edits.push(c);
    const imp = goImportEdit(ctx);
    if (imp) edits.push(imp);
  } else if (lang === 'python') {
    const imp = pythonImportEdit(ctx);
    if (imp) edits.push(imp);
  } else if (lang === 'csharp') {
    const c = csharpConstEdit(lit, ctx.text);
    if (c) edits.push(c);
  }
  ctx.vars['envName'] = name;
  return edits;
}
