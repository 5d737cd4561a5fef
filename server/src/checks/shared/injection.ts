import type { Node } from '../../engine/source/parse';
import type { FilterHelper, FixHelper, OffsetEdit, HelperOptions } from './types';
import { capture, documentFact, documentTest, optString, optStrings, opt } from './types';
import { inputSourceOf } from './inputEvidence';
import { SAFE_SINKS, type SafeSink } from './safeValues';
import { applyTaint, taintOfCapture } from './taintHelpers';
import { taintAt, type TaintFinding } from './taint';
import { traceSource } from './taintTrace';
import { argumentNodes } from './calls';
import { enclosingFunction } from './ast';
import { functionDefs } from './reaching';
import { jsCommandWords, pythonCommandWords, renderWords } from '../command-injection/argv';
import { filters as configFilters, options as configOptions } from '../insecure-config/cookies';

// Helpers for command-injection, code-injection, xss and insecure-config.

const regexCache = new Map<string, RegExp>();
function re(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  let r = regexCache.get(key);
  if (!r) {
    r = new RegExp(source, flags);
    regexCache.set(key, r);
  }
  return r;
}

const CALLBACKS = /^(function_expression|arrow_function|function|lambda|block|do_block)$/;

/**
 * Parameter evidence whose every parameter belongs to a function value handed to a call (`.each(function (i) {..})`,
 * `Proc.new { |tag| .. }`) or a lambda: the callee (a library, an iterator) fills those parameters with its own
 * values, and no caller of the program can be named. No evidence of input on its own; a source the surrounding
 * code iterates (`params[:ids].each { |id| .. }`) is a source.
 */
export function onlyCallbackParameters(t: TaintFinding, languageId: string): boolean {
  if (t.evidence !== 'parameter' || !t.open || t.open.length === 0) return false;
  return t.open.every((o) => {
    if (!CALLBACKS.test(o.fn.type)) return false;
    if (!(o.fn.type === 'lambda' || o.fn.type === 'block' || o.fn.type === 'do_block' || /^(arguments|argument_list|argument)$/.test(o.fn.parent?.type ?? ''))) return false;
    // The parameter is the callback's own, not one of the function around it that the callback reads.
    const param = traceSource(o.trace);
    const own = o.fn.childForFieldName('parameters') ?? o.fn.namedChildren.find((c) => c?.type === 'block_parameters') ?? o.fn.childForFieldName('parameter');
    if (param === undefined || !own || param.start < own.startIndex || param.end > own.endIndex) return false;
    return !iteratesInput(o.fn, languageId);
  });
}

/**
 * The callback is handed to a call whose receiver or other arguments carry input (`params[:ids].each { |id| .. }`,
 * `names.forEach(n => ..)`): its parameters may be their elements, so the finding keeps its evidence.
 */
function iteratesInput(fn: Node, languageId: string): boolean {
  const call = fn.parent && /^(arguments|argument_list|argument)$/.test(fn.parent.type) ? fn.parent.parent : fn.parent;
  if (!call || !/call/.test(call.type)) return false;
  const parts = [call.childForFieldName('receiver'), call.childForFieldName('function')?.childForFieldName('object'), ...argumentNodes(call)];
  return parts.some((p) => p !== null && p !== undefined && p.id !== fn.id && taintAt(p, languageId) !== undefined);
}

const SHELL_WORD = /^"(\/bin\/|\/usr\/bin\/)?(sh|bash|zsh|dash|ksh|cmd|cmd\.exe|powershell|powershell\.exe|pwsh)"$/;

export const filters: Record<string, FilterHelper> = {
  ...configFilters,

  /**
   * Input reaches the target (the taint engine, taint.ts). Options: `sanitizer` (regex over the callee of calls
   * that make a value safe for this sink), `requireBuilt` (only strings built around input: interpolation,
   * concatenation, formatting), `sink` (sql | shell | code | html | nosql | any: which escapers count, see
   * safeValues.ts; numbers and allow-listed values are safe for every sink). A value from a parameter of a
   * function nobody in the file calls lowers the confidence to medium; a value no source reaches (a constant, an
   * unknown call on clean arguments) is not reported.
   */
  injectable: (ctx, target, options) => {
    if (!target?.node) return false;
    const sink = (optString(options, 'sink') ?? 'any') as SafeSink;
    const t = taintOfCapture(ctx, target, optString(options, 'sanitizer'), sink);
    if (!t) return false;
    if (options['requireBuilt'] === true && !t.built) return false;
    if (!applyTaint(ctx, t, target, !onlyCallbackParameters(t, ctx.doc.languageId))) return false;
    const input = inputSourceOf(target.node);
    if (input) ctx.input = input;
    return true;
  },

  /**
   * The target names a local list that is given a shell and its command flag as separate elements before the
   * target is read (`argv.add("sh"); argv.add("-c")`, `List.of("bash", "-c", ...)`), read from the function's defs.
   */
  listHoldsShell: (_ctx, target) => {
    const node = target?.node;
    if (!node) return false;
    const defs = functionDefs(enclosingFunction(node)).byName.get(node.text) ?? [];
    const words = defs.filter((d) => d.start < node.startIndex).flatMap((d) => d.values.flatMap((v) => [v, ...v.namedChildren.filter((c): c is Node => c !== null)]).map((v) => v.text));
    return words.some((w) => SHELL_WORD.test(w)) && words.some((w) => /^"(-c|\/c|\/C|-Command)"$/.test(w));
  },

  /**
   * The identifier (target) is bound to Node's child_process module: `mode: namespace` for the module object
   * (`const cp = require('child_process')`, `import * as cp from 'node:child_process'`), `mode: named` for a
   * function imported by name (`const { exec } = require('child_process')`). Keeps `regex.exec(s)` and
   * `db.exec(sql)` out.
   */
  jsChildProcessBinding: (ctx, target, options) => {
    if (!target) return false;
    const name = target.text.replace(/[$]/g, '\\$');
    const mod = `['"](?:node:)?child_process['"]`;
    if (optString(options, 'mode') === 'named') {
      return documentTest(ctx, re(`\\{[^}]*\\b${name}\\b[^}]*\\}\\s*(?:=\\s*require\\(\\s*|from\\s+)${mod}`));
    }
    if (target.text === 'child_process') return true;
    return documentTest(ctx, re(`(?:\\b(?:const|let|var)\\s+${name}\\s*=\\s*require\\(\\s*${mod}|\\bimport\\s+(?:\\*\\s+as\\s+)?${name}\\s+(?:from\\s+${mod}|=\\s*require\\(\\s*${mod}))`));
  },

  /**
   * A Ruby receiver that makes `eval` the evaluator (`Kernel.eval`, `binding.eval`); any receiver for
   * instance_eval / class_eval / module_eval. `method` names the capture holding the method.
   */
  rubyEvalReceiver: (ctx, target, options) => {
    const method = capture(ctx, optString(options, 'method') ?? 'fn')?.text;
    if (method !== 'eval') return true;
    return /^(Kernel|binding|TOPLEVEL_BINDING|.*\.binding)$/.test(target?.text ?? '');
  },

  /** The whole document's text matches `pattern` (e.g. the file imports child_process). */
  documentMatches: (ctx, _target, options) => {
    const pattern = optString(options, 'pattern');
    return pattern ? documentTest(ctx, re(pattern, options['caseSensitive'] === true ? '' : 'i')) : false;
  },

  /**
   * The `window` characters before the target match `pattern` (case-insensitive): e.g. an allow-list check
   * on the request origin just before it is echoed back. False when the target capture is absent.
   */
  textBefore: (ctx, target, options) => {
    const pattern = optString(options, 'pattern');
    if (!target || !pattern) return false;
    const window = typeof options['window'] === 'number' ? options['window'] : 300;
    let before = ctx.text.slice(Math.max(0, target.start - window), target.start);
    // `stopAt` (e.g. a function header) cuts the window so a check in a neighbouring function does not count.
    const stopAt = optString(options, 'stopAt');
    if (stopAt) {
      let last = -1;
      for (const m of before.matchAll(re(stopAt, 'g'))) last = m.index + m[0].length;
      if (last >= 0) before = before.slice(last);
    }
    return re(pattern, 'i').test(before);
  },

  /** The document path matches `pattern` (case-insensitive), e.g. development settings modules. */
  pathMatches: (ctx, _target, options) => {
    const pattern = optString(options, 'pattern');
    return pattern ? re(pattern, 'i').test(ctx.doc.path.replace(/\\/g, '/')) : false;
  },

  /** The call (target) has between `min` and `max` arguments. */
  argumentCount: (_ctx, target, options) => {
    if (!target?.node) return false;
    const n = argumentNodes(target.node).length;
    const min = typeof options['min'] === 'number' ? options['min'] : 0;
    const max = typeof options['max'] === 'number' ? options['max'] : Infinity;
    return n >= min && n <= max;
  },

  /**
   * The target contains a call named by `names` (regex over the callee's last name) that is not inside
   * another call: Java `request.getParameter(..)` printed as it is.
   */
  directCall: (_ctx, target, options) => {
    const names = optString(options, 'names');
    if (!target?.node || !names) return false;
    const nameRe = re(`^(${names})$`);
    const stack: Node[] = [target.node];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.type === 'method_invocation') {
        if (nameRe.test(n.childForFieldName('name')?.text ?? '')) return true;
        continue;
      }
      for (const c of n.namedChildren) if (c) stack.push(c);
    }
    return false;
  },

  /**
   * A fluent call chain around the target (`builder.AllowAnyOrigin().AllowCredentials()`) also calls a
   * method whose name matches `names`; `argument` (regex) further requires that call's arguments to match.
   */
  chainCalls: (_ctx, target, options) => {
    const names = optString(options, 'names');
    if (!target?.node || !names) return false;
    const nameRe = re(`^(${names})$`);
    const argRe = optString(options, 'argument');
    let top: Node = target.node;
    // Walk up while this call is the receiver of the next one in the chain.
    while (top.parent && /member_access_expression|method_invocation|invocation_expression|field_access/.test(top.parent.type)) top = top.parent;
    const stack: Node[] = [top];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.type === 'method_invocation' || n.type === 'invocation_expression') {
        const name = n.childForFieldName('name')?.text ?? n.childForFieldName('function')?.childForFieldName('name')?.text ?? '';
        const args = n.childForFieldName('arguments')?.text ?? '';
        if (nameRe.test(name) && (!argRe || re(argRe).test(args))) return true;
      }
      for (const c of n.namedChildren) {
        // Stay on the chain: receivers, not argument lists (a nested builder is another chain).
        if (c && c.type !== 'argument_list') stack.push(c);
      }
    }
    return false;
  },
};

function removeKeywordArgument(kw: Node): OffsetEdit | undefined {
  // Delete from the end of the previous argument, so `, shell=True` goes and the list stays well-formed.
  const prev = kw.previousNamedSibling;
  if (!prev) return undefined;
  return { start: prev.endIndex, end: kw.endIndex, text: '' };
}

export const fixes: Record<string, FixHelper> = {
  /** subprocess.run(f"ls {d}", shell=True) → subprocess.run(["ls", d]). */
  pythonShellToArgv: (ctx) => {
    const cmd = capture(ctx, 'cmd')?.node;
    const kw = capture(ctx, 'shellkw')?.node;
    if (!cmd || !kw) return undefined;
    const words = pythonCommandWords(cmd, ctx.text);
    if (!words) return undefined;
    const del = removeKeywordArgument(kw);
    if (!del) return undefined;
    return [{ start: cmd.startIndex, end: cmd.endIndex, text: `[${renderWords(words, '"').join(', ')}]` }, del];
  },

  /** child_process.exec(`ls ${d}`, cb) → child_process.execFile('ls', [d], cb). */
  nodeExecToExecFile: (ctx) => {
    const cmd = capture(ctx, 'cmd')?.node;
    const fn = capture(ctx, 'fn')?.node;
    if (!cmd || !fn) return undefined;
    const words = jsCommandWords(cmd, ctx.text);
    if (!words) return undefined;
    const quote = documentFact(ctx, 'js-quote-majority', (t) => (t.split("'").length >= t.split('"').length ? "'" : '"'));
    const [prog, ...rest] = renderWords(words, quote);
    return [
      { start: fn.startIndex, end: fn.endIndex, text: fn.text === 'execSync' ? 'execFileSync' : 'execFile' },
      { start: cmd.startIndex, end: cmd.endIndex, text: `${prog}, [${rest.join(', ')}]` },
    ];
  },

  /**
   * echo $_GET['q'] → echo htmlspecialchars($_GET['q'], ENT_QUOTES, 'UTF-8'), for every raw superglobal in
   * the statement. No fix when one sits inside a double-quoted string (it cannot be wrapped in place).
   */
  phpEscapeSuperglobals: (ctx) => {
    const stmt = capture(ctx, 'value')?.node;
    if (!stmt) return undefined;
    const edits: OffsetEdit[] = [];
    const stack: Node[] = [stmt];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (/call_expression$|^object_creation_expression$|^cast_expression$/.test(n.type)) continue;
      if (n.type === 'subscript_expression' && /^\$_(GET|POST|REQUEST|COOKIE|SERVER)$/.test(n.namedChild(0)?.text ?? '')) {
        if (n.parent?.type === 'encapsed_string' || n.parent?.type === 'heredoc_body') return undefined;
        edits.push({ start: n.startIndex, end: n.endIndex, text: `htmlspecialchars(${n.text}, ENT_QUOTES, 'UTF-8')` });
        continue;
      }
      if (n.type === 'variable_name' && /^\$_(GET|POST|REQUEST|COOKIE|SERVER)$/.test(n.text)) return undefined;
      for (const c of n.namedChildren) if (c) stack.push(c);
    }
    return edits.length > 0 ? edits.sort((a, b) => a.start - b.start) : undefined;
  },

  /** Wraps a capture (`value`) in `prefix` … `suffix`, keeping its exact text (no template flattening). */
  wrapCapture: (ctx, options) => {
    const name = optString(options, 'capture') ?? 'value';
    const c = capture(ctx, name);
    if (!c) return undefined;
    const [prefix, suffix] = optStrings(options, 'around');
    if (prefix === undefined || suffix === undefined) return undefined;
    return [{ start: c.start, end: c.end, text: `${prefix}${c.text}${suffix}` }];
  },
};

/** The options each helper above accepts (checked when a rule file loads). */
export const options: Record<string, HelperOptions> = {
  ...configOptions,
  injectable: { sanitizer: opt.string, requireBuilt: opt.boolean, sink: opt.oneOf(SAFE_SINKS) },
  listHoldsShell: {},
  jsChildProcessBinding: { mode: opt.string },
  rubyEvalReceiver: { method: opt.string },
  documentMatches: { pattern: opt.string, caseSensitive: opt.boolean },
  textBefore: { pattern: opt.string, window: opt.number, stopAt: opt.string },
  pathMatches: { pattern: opt.string },
  argumentCount: { min: opt.number, max: opt.number },
  directCall: { names: opt.string },
  chainCalls: { names: opt.string, argument: opt.string },
  pythonShellToArgv: {},
  nodeExecToExecFile: {},
  phpEscapeSuperglobals: {},
  wrapCapture: { capture: opt.string, around: opt.strings },
};
