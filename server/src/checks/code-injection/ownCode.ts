import type { Node } from '../../engine/source/parse';
import type { FilterHelper, HelperOptions } from '../shared/types';
import { writesBefore } from '../shared/ast';
import { inputSourceOf } from '../shared/inputEvidence';

// Code the program writes for itself, evaluated: not an injection without evidence of outside input.
//  - Ruby metaprogramming: `class_eval <<~RUBY, __FILE__, __LINE__ + 1` defines methods from the program's own
//    identifiers (attribute names, DSL arguments); the heredoc and the file/line arguments are the idiom.
//  - Config loaders: `eval(File.read(File.expand_path("../settings.rb", __FILE__)))`,
//    `exec(open(os.path.join(here, "version.py")).read())`: the file is the developer's own, at a path the
//    program fixes.
// A value traced to a request, a form or standard input (inputEvidence.ts) keeps the finding either way.

/** Calls that read a whole file, in the languages that evaluate strings. */
const FILE_READ = /^(?:File\.(?:read|binread|open)|IO\.read|open|io\.open|codecs\.open|Path\([^)]*\)\.read_text|fs\.readFileSync|readFileSync|fs\.promises\.readFile|file_get_contents|Files\.readString|File\.ReadAllText)$/;

/** Functions and modules a path may be built with (`File.expand_path`, `os.path.join`, `path.join`, `Path(...).parent`). */
const PATH_FUNCTIONS = new Set(['File', 'dirname', 'expand_path', 'join', 'path', 'os', 'abspath', 'realpath', 'Path', 'parent', 'resolve', 'Pathname', 'Rails', 'root', 'Dir', 'pwd', 'import', 'meta', 'url', 'fileURLToPath', 'URL']);

/** Values that name the program's own location (`__FILE__`, `__dirname`) or a constant derived from it. */
const OWN_LOCATIONS = new Set(['__FILE__', '__dir__', '__DIR__', '__dirname', '__filename', '__file__', 'here', 'HERE', 'BASE_DIR', 'ROOT_DIR', 'PROJECT_ROOT']);

function calleeOf(call: Node): string {
  const fn = call.childForFieldName('function') ?? call.childForFieldName('method');
  const recv = call.childForFieldName('receiver');
  const text = recv && fn ? `${recv.text}.${fn.text}` : (fn?.text ?? call.text.slice(0, Math.max(0, (call.childForFieldName('arguments')?.startIndex ?? call.endIndex) - call.startIndex)));
  return text.replace(/\s+/g, '');
}

/** The path argument of a file read is fixed by the program: literals and its own location only. */
function ownPath(arg: Node | null | undefined): boolean {
  if (!arg) return false;
  const text = arg.text.replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '""');
  for (const m of text.matchAll(/[A-Za-z_$][\w$]*/g)) {
    const before = text[m.index - 1] ?? '';
    const after = text.slice(m.index + m[0].length).trimStart()[0] ?? '';
    // A name that calls or is called on (`os.path.join(`, `.parent`) is a path function; any other is a value.
    const isFunction = before === '.' || after === '.' || after === '(';
    // (PHP's `.` concatenates, so `__DIR__ . '/x'` puts a location before a dot.)
    if (!OWN_LOCATIONS.has(m[0]) && !(isFunction && PATH_FUNCTIONS.has(m[0]))) return false;
  }
  return true;
}

/** The expression reads a file at a path the program fixes (following one local to its write). */
function readsOwnFile(node: Node, depth = 0): boolean {
  if (depth > 3) return false;
  // PHP wraps each argument in an `argument` node.
  let n = node.type === 'argument' && node.namedChild(0) ? node.namedChild(0)! : node;
  if ((n.type === 'identifier' || n.type === 'variable_name') && depth < 3) {
    const writes = writesBefore(n, n.text);
    return writes.length > 0 && writes.every((w) => readsOwnFile(w.value, depth + 1));
  }
  // `open(p).read()`, `File.open(p).read`: the read is a method of the opened file.
  for (let i = 0; i < 3 && /^(?:call|call_expression|function_call_expression|member_call_expression|method_invocation|invocation_expression|attribute)$/.test(n.type); i++) {
    const callee = calleeOf(n);
    if (FILE_READ.test(callee)) {
      const args = n.childForFieldName('arguments');
      return ownPath(args?.namedChildren.find((c) => c !== null && c.type !== 'comment') ?? null);
    }
    const inner = n.childForFieldName('function')?.childForFieldName('object') ?? n.childForFieldName('receiver') ?? n.childForFieldName('object');
    if (!inner) break;
    n = inner.type === 'attribute' ? (inner.childForFieldName('object') ?? inner) : inner;
  }
  return false;
}

/** The heredoc body that belongs to a `heredoc_beginning` argument (Ruby keeps it after the call). */
function heredocBody(begin: Node): Node | undefined {
  for (let p: Node | null = begin.parent; p; p = p.parent) {
    const body = p.namedChildren.find((c) => c !== null && c.type === 'heredoc_body' && c.startIndex > begin.endIndex);
    if (body) return body;
    if (/statement|program|body_statement/.test(p.type)) break;
  }
  return undefined;
}

/** Ruby generated code: a heredoc, or code evaluated with the caller's `__FILE__` for its backtraces. */
function rubyGeneratedCode(code: Node): Node | undefined {
  const args = code.parent;
  if (code.type === 'heredoc_beginning') return heredocBody(code) ?? code;
  if (args?.type === 'argument_list' && args.namedChildren.some((c) => c?.text === '__FILE__')) return code;
  return undefined;
}

export const filters: Record<string, FilterHelper> = {
  /**
   * The evaluated code (target) is the program's own: generated by Ruby metaprogramming or read from a file at a
   * path the program fixes, and nothing in it was traced to outside input. Used negated, to drop the match.
   */
  evaluatesOwnCode: (_ctx, target) => {
    const code = target?.node;
    if (!code) return false;
    const generated = rubyGeneratedCode(code);
    if (generated) return inputSourceOf(generated) === undefined;
    return readsOwnFile(code);
  },
};

export const options: Record<string, HelperOptions> = {
  evaluatesOwnCode: {},
};
