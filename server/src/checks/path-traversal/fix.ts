import type { Node } from '../../engine/source/parse';
import type { FixHelper, HelperOptions, MatchContext, OffsetEdit, Options } from '../shared/types';
import { capture, documentFact, documentTest, opt, optString } from '../shared/types';
import { enclosingFunction, operatorText, shadowedByParameter, unwrapParens } from '../shared/ast';
import { taintAt } from '../shared/taint';
import { traceSteps } from '../shared/taintTrace';
import { goImportEdit, goImportName, pythonImportEdit } from '../shared/addImport';
import { treeFact } from '../../engine/incremental/documentFacts';

// path-traversal's quick fix: keep only the last segment (the file name) of the part of the path that input
// fills, so `../` and absolute paths can no longer leave the folder: `join(BASE, name)` → `join(BASE,
// basename(name))`. Only the input's own part is wrapped: a basename of the whole joined path would drop the base
// folder. A part that arrives already joined or converted (`p = Path.Combine(BASE, name); File.Open(p)`) gets no fix,
// for the same reason. Unsafe by design: names with folders in them no longer reach those folders.

/** Calls whose arguments are the segments of one path: `os.path.join`, `path.join`, `filepath.Join`, `Path.Combine`, `Paths.get`, `File.join`. */
const JOINS = /^(?:(?:os\.path|posixpath|path|posix)\.join|(?:\w+\.)?(?:join|resolve)|(?:filepath|path)\.Join|(?:System\.IO\.)?Path\.Combine|(?:java\.nio\.file\.)?(?:Paths\.get|Path\.of)|\w+\.resolve|File\.join|(?:\w+\.)*root\.join)$/;

/** The callee text of a call node, or undefined for anything else. */
function calleeOf(node: Node): string | undefined {
  switch (node.type) {
    case 'call': // Python, Ruby
      if (node.childForFieldName('function')) return node.childForFieldName('function')!.text;
      if (node.childForFieldName('method')) {
        const recv = node.childForFieldName('receiver');
        return `${recv ? `${recv.text}.` : ''}${node.childForFieldName('method')!.text}`;
      }
      return undefined;
    case 'call_expression': // JavaScript, Go
    case 'invocation_expression': // C#
      return node.childForFieldName('function')?.text;
    case 'method_invocation': {
      const recv = node.childForFieldName('object');
      return `${recv ? `${recv.text}.` : ''}${node.childForFieldName('name')?.text ?? ''}`;
    }
    default:
      return undefined;
  }
}

function argumentsOf(node: Node): Node[] {
  const list = node.childForFieldName('arguments');
  if (!list) return [];
  return list.namedChildren
    .filter((c): c is Node => c !== null && c.type !== 'comment')
    // C# and PHP wrap each argument.
    .map((c) => (c.type === 'argument' && c.namedChildCount > 0 ? c.namedChild(c.namedChildCount - 1)! : c));
}

interface Built {
  kind: 'join' | 'concat' | 'interpolation';
  parts: Node[];
}

/** The parts of a path built in place (join arguments, concatenation operands, interpolations), or undefined for a single value. */
function partsOf(node: Node, languageId: string): Built | undefined {
  const callee = calleeOf(node);
  if (callee !== undefined) return JOINS.test(callee) ? { kind: 'join', parts: argumentsOf(node) } : undefined;
  if (node.type === 'object_creation_expression' && /^(java\.io\.)?File$/.test(node.childForFieldName('type')?.text ?? '')) return { kind: 'join', parts: argumentsOf(node) };
  if (node.type === 'binary_expression' || node.type === 'binary_operator' || node.type === 'binary') {
    const op = operatorText(node);
    // `+` concatenates text everywhere, PHP's `.` too; pathlib's `/` joins segments.
    if (op !== '+' && !(op === '.' && languageId === 'php') && !(op === '/' && languageId === 'python')) return undefined;
    return { kind: 'concat', parts: [node.childForFieldName('left'), node.childForFieldName('right')].filter((c): c is Node => c !== null) };
  }
  // f-strings, template literals, C# `$"..."` and Ruby `"#{}"`: the interpolated expressions. PHP's `"$x"` cannot
  // hold a call, so it is left whole (and gets no fix).
  if (!['string', 'template_string', 'interpolated_string_expression'].includes(node.type) || languageId === 'php') return undefined;
  const inner: Node[] = [];
  for (const c of node.namedChildren) {
    if (c?.type !== 'interpolation' && c?.type !== 'template_substitution') continue;
    // Format specifiers and alignment (`{x:>10}`, `{x,5}`) stay where they are; two statements in one `#{}` do not.
    const values = c.namedChildren.filter((x): x is Node => x !== null && !/format|alignment|conversion|comment/.test(x.type));
    if (values.length !== 1) return { kind: 'interpolation', parts: [] };
    inner.push(values[0]!);
  }
  return { kind: 'interpolation', parts: inner };
}

/**
 * Whether more path follows part `i`, so the input names a folder there (`home + "/config.xml"`, `join(dir, "a.txt")`):
 * its basename would be wrong. Plain text without a separator (an extension) may follow.
 */
function folderFollows(node: Node, built: Built, i: number): boolean {
  const part = built.parts[i]!;
  if (built.kind === 'join') return i !== built.parts.length - 1;
  const rest = built.kind === 'concat' ? built.parts.slice(i + 1).map((p) => (/string|literal/.test(p.type) ? p.text.slice(1, -1) : '/')).join('') : node.text.slice((part.parent ?? part).endIndex - node.startIndex);
  return /[/\\]/.test(rest);
}

/** Steps after which a value is no longer the input's own text: a path may have been built from it on the way. */
const REBUILT = /^(passed through|wrapped in|returned by) /;
/** Where a request puts a name: the sources of rules/taint/sources.yaml whose kind starts with "request". */
const WEB_INPUT = /^request /;

/** The one node holding the input's own file name inside the path argument, or undefined when there is no single such part. */
function inputPart(path: Node, languageId: string, sanitizer: RegExp | undefined): { node: Node; inText: boolean } | undefined {
  const tainted = (n: Node): boolean => taintAt(n, languageId, sanitizer ? { sanitizer } : {}) !== undefined;
  let node = unwrapParens(path);
  let inText = false;
  for (let depth = 0; depth < 8; depth++) {
    const built = partsOf(node, languageId);
    if (built === undefined) {
      const t = taintAt(node, languageId, sanitizer ? { sanitizer } : {});
      if (!t || t.built) return undefined;
      const steps = traceSteps(t.trace, Infinity);
      // A path from the environment, a file or the command line is the operator's (a folder, as often as not).
      if (!WEB_INPUT.test(steps[0]?.message ?? '') || steps.some((s) => REBUILT.test(s.message))) return undefined;
      return { node, inText };
    }
    const hits = built.parts.filter(tainted);
    if (hits.length !== 1 || folderFollows(node, built, built.parts.indexOf(hits[0]!))) return undefined;
    node = unwrapParens(hits[0]!);
    inText = built.kind !== 'join';
  }
  return undefined;
}

/** The name a JavaScript file binds Node's `path` module to, from a top-level require or import. */
function jsPathBinding(ctx: MatchContext): string {
  return documentFact(ctx, 'js-path-binding', (t) => {
    const m = /(?:^|\n)\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*require\(\s*['"](?:node:)?path['"]\s*\)/.exec(t) ?? /(?:^|\n)\s*import\s+(?:\*\s+as\s+)?([A-Za-z_$][\w$]*)\s+from\s+['"](?:node:)?path['"]/.exec(t);
    return m?.[1] ?? '';
  });
}

/** A `const path = require('path')` / `import * as path from 'path'` line after the file's last top-level import or require. */
function jsPathImport(ctx: MatchContext): OffsetEdit | undefined {
  // Where it goes is a fact of the whole file, recorded for incremental analysis like the other imports.
  return treeFact(ctx.tree!.rootNode, 'js-path-import', (root) => jsPathImportOf(root) ?? null) ?? undefined;
}

function jsPathImportOf(root: Node): OffsetEdit | undefined {
  const top = root.namedChildren.filter((c): c is Node => c !== null);
  const esm = top.some((c) => c.type === 'import_statement');
  const requires = top.filter((c) => /^(lexical_declaration|variable_declaration)$/.test(c.type) && /^\s*(const|let|var)\s[^=]*=\s*require\(/.test(c.text));
  const anchors = esm ? top.filter((c) => c.type === 'import_statement') : requires;
  const last = anchors[anchors.length - 1];
  if (!esm && !last) return undefined; // no module style to follow
  const line = esm ? "import * as path from 'path';" : "const path = require('path');";
  return { start: last!.endIndex, end: last!.endIndex, text: `\n${line}` };
}

/** Whether any name in the file (not a property) is spelled `path`. */
function namesPath(root: Node): boolean {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.text === 'path' && /^(identifier|shorthand_property_identifier(_pattern)?)$/.test(n.type)) return true;
    for (const c of n.namedChildren) if (c && c.text.includes('path')) stack.push(c);
  }
  return false;
}

/** A local of the function around `at` named `name` would hide the module binding. */
function shadowed(at: Node, name: string): boolean {
  if (shadowedByParameter(at, name)) return true;
  const fn = enclosingFunction(at);
  if (fn.type === 'program' || fn.type === 'module' || fn.type === 'source_file') return false;
  return new RegExp(`\\b(const|let|var)\\s+(\\{[^}]*\\b)?${name.replace(/\$/g, '\\$')}\\b`).test(fn.text);
}

/** The wrapped text and the edits a language needs besides it (an import), or undefined when there is no safe spelling. */
function basename(ctx: MatchContext, part: Node, inText: boolean): OffsetEdit[] | undefined {
  // Text building turned any value into a string (`'/srv/' + req.query.name`, an array too); path.basename takes
  // only strings, and TypeScript's Express types say so. String() keeps what the concatenation did.
  const js = /^(java|type)script(react)?$/.test(ctx.doc.languageId);
  const text = js && inText ? `String(${part.text})` : part.text;
  const wrap = (call: string, extra: (OffsetEdit | undefined)[] = []): OffsetEdit[] => [
    { start: part.startIndex, end: part.endIndex, text: `${call}(${text})` },
    ...extra.filter((e): e is OffsetEdit => e !== undefined),
  ];
  switch (ctx.doc.languageId) {
    case 'python':
      if (shadowed(part, 'os')) return undefined;
      return wrap('os.path.basename', [pythonImportEdit(ctx, 'os')]);
    case 'javascript':
    case 'javascriptreact':
    case 'typescript':
    case 'typescriptreact': {
      const bound = jsPathBinding(ctx);
      if (bound) return shadowed(part, bound) ? undefined : wrap(`${bound}.basename`);
      // A new `path` binding must not meet another `path` in the file.
      if (treeFact(ctx.tree!.rootNode, 'js-names-path', namesPath)) return undefined;
      const imp = jsPathImport(ctx);
      return imp ? wrap('path.basename', [imp]) : undefined;
    }
    case 'go': {
      const name = goImportName(ctx, 'path/filepath');
      if (name === '_' || name === '.') return undefined;
      if (name) return shadowed(part, name) ? undefined : wrap(`${name}.Base`);
      return shadowed(part, 'filepath') ? undefined : wrap('filepath.Base', [goImportEdit(ctx, 'path/filepath')]);
    }
    case 'csharp':
      // The sink's own File / FileStream is unqualified, so System.IO (where Path lives) is in scope.
      return wrap('Path.GetFileName');
    case 'php':
      return wrap('basename');
    case 'ruby':
      return wrap('File.basename');
    case 'java': {
      const imported = documentTest(ctx, /^\s*import\s+java\.io\.(File|\*)\s*;/m);
      // java.io.File#getName: the last segment, "" for "/" (Path#getFileName would be null there).
      return [{ start: part.startIndex, end: part.endIndex, text: `new ${imported ? 'File' : 'java.io.File'}(${text}).getName()` }];
    }
    default:
      return undefined;
  }
}

const regexCache = new Map<string, RegExp>();
function re(source: string | undefined): RegExp | undefined {
  if (source === undefined) return undefined;
  let r = regexCache.get(source);
  if (!r) regexCache.set(source, (r = new RegExp(source)));
  return r;
}

export const fixes: Record<string, FixHelper> = {
  /**
   * Wraps the input's part of the `path` capture in the language's basename. `sanitizer` is the rule's (a part
   * already reduced is not input); `except` (regex over the called name, `Directory.Delete`, `shutil.rmtree`)
   * names sinks that take folders, where a bare name such as `..` still leaves the folder.
   */
  pathKeepFileName: (ctx: MatchContext, options: Options) => {
    const path = capture(ctx, 'path')?.node;
    if (!path || !ctx.tree) return undefined;
    const fn = capture(ctx, 'fn')?.text ?? '';
    const owner = capture(ctx, 'cls')?.text ?? capture(ctx, 'mod')?.text ?? capture(ctx, 'pkg')?.text;
    const called = owner ? `${owner}.${fn}` : fn;
    if (re(optString(options, 'except'))?.test(called)) return undefined;
    const part = inputPart(path, ctx.doc.languageId, re(optString(options, 'sanitizer')));
    return part ? basename(ctx, part.node, part.inText) : undefined;
  },
};

export const options: Record<string, HelperOptions> = {
  pathKeepFileName: { sanitizer: opt.string, except: opt.string },
};
