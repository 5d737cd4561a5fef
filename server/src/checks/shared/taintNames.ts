import type { Node } from '../../engine/source/parse';
import { enclosingFunction } from './ast';
import { functionDefs, reachingDefs } from './reaching';
import { isFunctionNode } from './functionNodes';
import { functionName } from './taintSyntax';

// Names that hold across the files of one scan (see taintScope.ts): a function as `<lang>:<qualified name>` and
// the callees a call may reach in other files, resolved from the syntax alone, as far as one file tells: Java
// `new T().m(x)`, `T v = new U(); v.m(x)` (the object created decides, as Java dispatches on it), `T.m(x)`;
// Python `from mod import f; f(x)` and `import mod; mod.f(x)`. Overloads share a name.

const JAVA_CLASSES = new Set(['class_declaration', 'enum_declaration', 'record_declaration', 'interface_declaration']);

/** The innermost named class around `node` (Java). */
function javaClassOf(node: Node): string | undefined {
  for (let p = node.parent; p; p = p.parent) if (JAVA_CLASSES.has(p.type)) return p.childForFieldName('name')?.text;
  return undefined;
}

/** A Python module's name as an import names it: the file's stem, or its folder for `__init__.py`. */
export function pythonModuleOf(path: string): string | undefined {
  const parts = path.replace(/\\/g, '/').split('/');
  const file = parts[parts.length - 1] ?? '';
  const stem = file.replace(/\.pyi?$/, '');
  if (stem === '__init__') return parts[parts.length - 2];
  return stem || undefined;
}

/** The scan-wide name of a function (`java:Class.method`, `python:module.function`), or undefined. */
export function functionKey(fn: Node, languageId: string, path: string): string | undefined {
  if (!isFunctionNode(fn)) return undefined;
  const name = functionName(fn);
  if (!name) return undefined;
  if (languageId === 'java') {
    if (fn.type !== 'method_declaration') return undefined;
    const cls = javaClassOf(fn);
    return cls ? `java:${cls}.${name}` : undefined;
  }
  if (languageId === 'python') {
    // Module-level functions only: a method is called on an object whose class one file seldom tells.
    for (let p = fn.parent; p; p = p.parent) if (isFunctionNode(p) || p.type === 'class_definition') return undefined;
    const mod = pythonModuleOf(path);
    return mod ? `python:${mod}.${name}` : undefined;
  }
  return undefined;
}

/** `a.b.C<T>` -> `C`. */
function simpleType(text: string): string {
  return text.replace(/<[\s\S]*$/, '').replace(/\[\]$/, '').split('.').pop()!.trim();
}

function unparen(n: Node): Node {
  while (n.type === 'parenthesized_expression' && n.namedChild(0)) n = n.namedChild(0)!;
  return n;
}

/** The classes a Java receiver expression is an object of, as the file tells. */
function javaReceiverClasses(recv: Node): string[] {
  const r = unparen(recv);
  if (r.type === 'object_creation_expression') {
    const t = r.childForFieldName('type');
    // An anonymous subclass (`new T() { ... }`) is no T.
    return t && !r.namedChildren.some((c) => c?.type === 'class_body') ? [simpleType(t.text)] : [];
  }
  if (r.type !== 'identifier' || r.text === 'this' || r.text === 'super') return [];
  // Java names classes in upper camel case and variables in lower: `IO.writeLine(x)` is a static call, and
  // needs no look at the function's definitions (the most common call of all, and the costliest to resolve).
  if (/^[A-Z][a-z]/.test(r.text) || /^[A-Z]$/.test(r.text)) return [r.text];
  const fn = enclosingFunction(r);
  const fd = functionDefs(fn);
  const defs = reachingDefs(fd, r, r.text);
  if (defs && defs.length > 0) {
    // Each object that can reach the call; a value that is not a `new` leaves the declared type to decide.
    const made = defs.flatMap((d) => d.values).map(unparen);
    if (made.length > 0 && made.every((v) => v.type === 'object_creation_expression')) return [...new Set(made.flatMap((v) => javaReceiverClasses(v)))];
    const decl = defs[0]!.kind === 'param' ? defs[0]!.node : defs[0]!.node.parent;
    const t = decl?.childForFieldName('type')?.text;
    return t ? [simpleType(t)] : [];
  }
  // Not a local: a class name (a static call) when it reads as one.
  return /^[A-Z]/.test(r.text) ? [r.text] : [];
}

interface PythonImports {
  /** Local name -> `module.function` (from m import f as g). */
  functions: Map<string, string>;
  /** Local name -> module (import a.m as x, from a import m). */
  modules: Map<string, string>;
  /** Names bound by `import a.b`: the package `a`. */
  packages: Set<string>;
}

const pyImports = new WeakMap<object, PythonImports>();

function pythonImports(root: Node): PythonImports {
  const known = pyImports.get(root.tree);
  if (known) return known;
  const out: PythonImports = { functions: new Map(), modules: new Map(), packages: new Set() };
  const last = (dotted: string): string => dotted.split('.').pop()!;
  for (const st of root.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (!st) continue;
    if (st.type === 'import_statement') {
      for (const n of st.namedChildren) {
        if (n?.type === 'dotted_name') {
          out.modules.set(n.text.split('.')[0]!, last(n.text));
          out.packages.add(n.text.split('.')[0]!);
        }
        else if (n?.type === 'aliased_import') {
          const name = n.childForFieldName('name')?.text;
          const alias = n.childForFieldName('alias')?.text;
          if (name && alias) out.modules.set(alias, last(name));
        }
      }
      continue;
    }
    const from = st.childForFieldName('module_name');
    if (!from) continue;
    const mod = last(from.text.replace(/^\.+/, '')) || undefined;
    for (const n of st.childrenForFieldName('name')) {
      if (!n) continue;
      const name = n.type === 'aliased_import' ? n.childForFieldName('name')?.text : n.text;
      const alias = n.type === 'aliased_import' ? n.childForFieldName('alias')?.text : n.text;
      if (!name || !alias) continue;
      // `from pkg import x`: x is a function of pkg or a module of it; a call tells which.
      if (mod) out.functions.set(alias, `${mod}.${name}`);
      out.modules.set(alias, last(name));
    }
  }
  pyImports.set(root.tree, out);
  return out;
}

/**
 * Classes of the Java platform that a file names without importing them one by one (java.lang, and the usual
 * members of packages imported with `.*`): no file of a scan of one's own code defines them, and their calls are
 * most of a file's calls, so their arguments are not summarised. A class imported by name from the platform is
 * recognised by its import.
 */
const JAVA_PLATFORM = new Set(
  (
    'String StringBuilder StringBuffer System Integer Long Short Byte Double Float Boolean Character Math Object Thread Runtime Process ProcessBuilder Class ' +
    'Connection Statement PreparedStatement CallableStatement ResultSet DriverManager File FileInputStream FileOutputStream FileReader FileWriter BufferedReader ' +
    'BufferedWriter InputStreamReader OutputStreamWriter InputStream OutputStream PrintWriter PrintStream Reader Writer Socket ServerSocket URL URI ' +
    'HttpServletRequest HttpServletResponse HttpSession Cookie ServletOutputStream List ArrayList LinkedList Map HashMap TreeMap Set HashSet Collections Arrays ' +
    'Iterator Properties Scanner StringTokenizer Logger Level Random SecureRandom MessageDigest Cipher DirContext InitialDirContext XPath XPathFactory Document'
  ).split(' '),
);

const JAVA_PLATFORM_PACKAGE = /^(java|javax|jakarta|org\.w3c|org\.xml|sun|com\.sun)\./;

const javaImports = new WeakMap<object, Set<string>>();

/** Simple names the file imports by name from the Java platform. */
function javaPlatformImports(root: Node): Set<string> {
  let known = javaImports.get(root.tree);
  if (known) return known;
  known = new Set();
  for (const d of root.namedChildren) {
    if (d?.type !== 'import_declaration' || /\*\s*;?\s*$/.test(d.text)) continue;
    const name = d.namedChildren.find((c) => c?.type === 'scoped_identifier')?.text;
    if (name && JAVA_PLATFORM_PACKAGE.test(name)) known.add(name.split('.').pop()!);
  }
  javaImports.set(root.tree, known);
  return known;
}

const calleeMemo = new WeakMap<object, Map<string, string[]>>();

/** The scan-wide names a call may reach in other files (none for calls this file resolves itself); memoised per tree. */
export function calleeKeys(call: Node, languageId: string): string[] {
  let memo = calleeMemo.get(call.tree);
  if (!memo) calleeMemo.set(call.tree, (memo = new Map()));
  const key = `${call.startIndex}:${call.endIndex}:${languageId}`;
  let keys = memo.get(key);
  if (!keys) memo.set(key, (keys = resolveCallee(call, languageId)));
  return keys;
}

function resolveCallee(call: Node, languageId: string): string[] {
  if (languageId === 'java' && call.type === 'method_invocation') {
    const recv = call.childForFieldName('object');
    const name = call.childForFieldName('name')?.text;
    if (!recv || !name) return [];
    const platform = javaPlatformImports(call.tree.rootNode);
    return javaReceiverClasses(recv)
      .filter((c) => !JAVA_PLATFORM.has(c) && !platform.has(c))
      .map((c) => `java:${c}.${name}`);
  }
  if (languageId === 'python' && call.type === 'call') {
    const fn = call.childForFieldName('function');
    const imports = pythonImports(call.tree.rootNode);
    if (fn?.type === 'identifier') {
      const target = imports.functions.get(fn.text);
      return target ? [`python:${target}`] : [];
    }
    if (fn?.type === 'attribute') {
      const obj = fn.childForFieldName('object');
      const attr = fn.childForFieldName('attribute')?.text;
      if (!obj || !attr) return [];
      // `mod.f(x)`, and `pkg.mod.f(x)` after `import pkg.mod`: an attribute of an object (`request.args.get`) is no module.
      const root = obj.text.split('.')[0]!;
      const mod = obj.type === 'identifier' ? imports.modules.get(obj.text) : obj.type === 'attribute' && imports.packages.has(root) ? obj.childForFieldName('attribute')?.text : undefined;
      return mod ? [`python:${mod}.${attr}`] : [];
    }
  }
  return [];
}
