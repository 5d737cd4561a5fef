import type { Node } from '../../engine/source/parse';
import type { MatchContext, OffsetEdit, Options } from '../shared/types';
import { capture, documentTest, optString } from '../shared/types';
import { enclosingLiteral, hasInterpolation, isLiteral, literalContent, nameForLiteral } from './literal';
import { envVarName } from './name';
import { goImportEdit, pythonImportEdit } from '../shared/addImport';

// Quick fix: replace a hardcoded secret literal with an environment lookup named after the variable, adding the
// import the lookup needs (Python `os`, Go "os"; see shared/addImport.ts). Unsafe by design: the program now needs that variable at run time.

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
    const imp = goImportEdit(ctx, 'os');
    if (imp) edits.push(imp);
  } else if (lang === 'python') {
    const imp = pythonImportEdit(ctx, 'os');
    if (imp) edits.push(imp);
  } else if (lang === 'csharp') {
    const c = csharpConstEdit(lit, ctx.text);
    if (c) edits.push(c);
  }
  ctx.vars['envName'] = name;
  return edits;
}
