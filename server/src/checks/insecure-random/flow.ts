import type { Node } from '../../engine/source/parse';
import type { FilterHelper, HelperOptions } from '../shared/types';
import { optString, opt } from '../shared/types';
import { isSecretName, targetName } from './names';

// insecure-random: follows a weak random value outwards through the expression it sits in (string building,
// conversions, helper calls) to the place it lands: a variable, property, hash key, keyword argument, a
// function's return value, or a call that names a secret (setToken(x), res.cookie('session_id', x)).
// It stops at the first statement boundary, so only the statement that uses the value is looked at.

/** Nodes that bind a value to a name: [node type, field or strategy that yields the target]. */
const BINDERS: Record<string, (n: Node) => Node | null | undefined> = {
  variable_declarator: (n) => n.childForFieldName('name') ?? n.namedChildren[0],
  assignment_expression: (n) => n.childForFieldName('left'),
  augmented_assignment_expression: (n) => n.childForFieldName('left'),
  assignment: (n) => n.childForFieldName('left'),
  augmented_assignment: (n) => n.childForFieldName('left'),
  operator_assignment: (n) => n.childForFieldName('left'),
  assignment_statement: (n) => n.childForFieldName('left'),
  short_var_declaration: (n) => n.childForFieldName('left'),
  var_spec: (n) => n.childForFieldName('name'),
  const_spec: (n) => n.childForFieldName('name'),
  keyed_element: (n) => n.childForFieldName('key') ?? n.namedChildren[0],
  pair: (n) => n.childForFieldName('key'),
  keyword_argument: (n) => n.childForFieldName('name'),
  public_field_definition: (n) => n.childForFieldName('name') ?? n.childForFieldName('property'),
  field_definition: (n) => n.childForFieldName('property') ?? n.childForFieldName('name'),
  property_declaration: (n) => n.childForFieldName('name'),
  property_element: (n) => n.namedChildren[0],
  array_element_initializer: (n) => (n.namedChildren.length > 1 ? n.namedChildren[0] : null),
  anonymous_object_member_declarator: (n) => n.namedChildren[0],
};

/** Function-like nodes: a `return` inside one is judged by the function's name when it has one. */
const FUNCTIONS = new Set([
  'function_declaration',
  'function_definition',
  'method_definition',
  'method_declaration',
  'method',
  'singleton_method',
  'local_function_statement',
  'generator_function_declaration',
  'function',
  'function_expression',
  'arrow_function',
  'lambda',
  'lambda_expression',
  'func_literal',
  'anonymous_function',
  'anonymous_function_creation_expression',
  'arrow_function_expression',
  'anonymous_method_expression',
]);

const CALLS = new Set([
  'call_expression',
  'call',
  'method_invocation',
  'invocation_expression',
  'function_call_expression',
  'member_call_expression',
  'scoped_call_expression',
  'nullsafe_member_call_expression',
  'new_expression',
  'object_creation_expression',
]);

const ARGUMENT_LISTS = new Set(['arguments', 'argument_list']);

const STRINGS = new Set(['string', 'string_literal', 'interpreted_string_literal', 'raw_string_literal', 'encapsed_string']);

/** A statement, block or declaration: the walk ends here unless it is a function's last (implicitly returned) expression. */
function isBoundary(n: Node): boolean {
  const t = n.type;
  return (
    t.endsWith('statement') ||
    t.endsWith('_block') ||
    t === 'block' ||
    t === 'body_statement' ||
    t === 'statement_block' ||
    t === 'compound_statement' ||
    t === 'statement_list' ||
    t === 'program' ||
    t === 'module' ||
    t === 'source_file' ||
    t === 'compilation_unit' ||
    t === 'class_body' ||
    t === 'declaration_list' ||
    t === 'then' ||
    t === 'else' ||
    t === 'begin'
  );
}

function functionName(fn: Node): string | undefined {
  const name = fn.childForFieldName('name');
  return name ? name.text : undefined;
}

/** The callee's last name segment (`user.setResetToken` → `setResetToken`). */
function calleeName(call: Node): string | undefined {
  const f = call.childForFieldName('function') ?? call.childForFieldName('method') ?? call.childForFieldName('name') ?? call.childForFieldName('constructor') ?? call.childForFieldName('type');
  if (!f) return undefined;
  return targetName(f);
}

/** A call that names a secret: by its own name (`setToken(x)`) or by a string argument (`cookie('session_id', x)`). */
function callNamesSecret(call: Node, args: Node): string | undefined {
  const name = calleeName(call);
  if (name && isSecretName(name)) return name;
  for (const a of args.namedChildren) {
    if (!a) continue;
    const inner = a.type === 'argument' && a.namedChildren.length === 1 ? a.namedChildren[0]! : a;
    if (STRINGS.has(inner.type) && inner.text.length < 60) {
      // Only key-like strings ('session_id', 'X-CSRF-Token'), not prose passed to a logger.
      const text = targetName(inner);
      if (text && /^[\w.-]+$/.test(text) && isSecretName(text)) return text;
    }
  }
  return undefined;
}

/** Calls and operators that add a value to a buffer: the buffer, or failing that the function, names the result. */
const ACCUMULATORS = /^(append|Append|push|WriteString|WriteByte|WriteRune|write|Write|concat|add|insert|Insert)$/;

const AUGMENTED = new Set(['augmented_assignment_expression', 'augmented_assignment', 'operator_assignment']);

/** Element assignment (`b[i] = ...`): the value is one piece of `b`. */
function elementTarget(target: Node): Node | undefined {
  const t = target.type === 'expression_list' && target.namedChildren.length === 1 ? target.namedChildren[0]! : target;
  if (t.type === 'subscript_expression' || t.type === 'index_expression' || t.type === 'element_reference' || t.type === 'subscript' || t.type === 'array_access' || t.type === 'element_access_expression') {
    return t.childForFieldName('operand') ?? t.childForFieldName('object') ?? t.childForFieldName('value') ?? t.childForFieldName('array') ?? t.childForFieldName('expression') ?? t.namedChildren[0] ?? undefined;
  }
  return undefined;
}

/** The name of the function a node is in; anonymous functions take the name they are bound to. */
function enclosingFunctionName(node: Node): string | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (!FUNCTIONS.has(n.type)) continue;
    const own = functionName(n);
    if (own) return own;
    const p = n.parent;
    const bind = p ? BINDERS[p.type] : undefined;
    const target = p && bind ? bind(p) : undefined;
    if (target) return targetName(target);
  }
  return undefined;
}

/** A piece added to a buffer: secret when the buffer's name or the enclosing function's name says so. */
function accumulated(buffer: Node | null | undefined, at: Node): string | undefined {
  const own = buffer ? targetName(buffer) : undefined;
  if (own && isSecretName(own)) return own;
  const fn = enclosingFunctionName(at);
  return fn && isSecretName(fn) ? fn : undefined;
}

/** Is the node the last statement of a Ruby method body (its implicit return value)? */
function rubyImplicitReturn(stmt: Node, body: Node): Node | undefined {
  if (body.type !== 'body_statement') return undefined;
  const kids = body.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  if (kids[kids.length - 1]?.id !== stmt.id) return undefined;
  const fn = body.parent;
  return fn && (fn.type === 'method' || fn.type === 'singleton_method') ? fn : undefined;
}

/**
 * Where a value lands: the secret-looking name it is bound to, or undefined. `outer` is a regex of callee
 * names that are themselves reported (PHP `uniqid(rand())`): a value inside one is left to the outer finding.
 */
export function secretDestination(start: Node, outer?: RegExp): string | undefined {
  let node = start;
  for (let depth = 0; depth < 25; depth++) {
    const parent = node.parent;
    if (!parent) return undefined;
    const bind = BINDERS[parent.type];
    if (bind) {
      const target = bind(parent);
      if (target && target.id !== node.id) {
        const name = targetName(target);
        if (name && isSecretName(name)) return name;
        const element = elementTarget(target);
        if (element) return accumulated(element, parent);
        if (AUGMENTED.has(parent.type)) return accumulated(target, parent);
        return undefined;
      }
    }
    if (parent.type === 'arrow_expression_clause') {
      // C# expression-bodied member: `string Token => ...;`
      const name = parent.parent ? functionName(parent.parent) : undefined;
      return name && isSecretName(name) ? name : undefined;
    }
    if (parent.type === 'return_statement' || parent.type === 'return') {
      let fn: Node | null = parent.parent;
      while (fn && !FUNCTIONS.has(fn.type)) fn = fn.parent;
      if (!fn) return undefined;
      const name = functionName(fn);
      if (name) return isSecretName(name) ? name : undefined;
      node = fn;
      continue;
    }
    if (ARGUMENT_LISTS.has(parent.type) || parent.type === 'argument') {
      const call = parent.type === 'argument' ? parent.parent?.parent : parent.parent;
      const args = parent.type === 'argument' ? parent.parent : parent;
      if (call && args && CALLS.has(call.type)) {
        const callee = calleeName(call);
        if (outer && callee && outer.test(callee)) return undefined;
        const named = callNamesSecret(call, args);
        if (named) return named;
        if (callee && ACCUMULATORS.test(callee)) {
          const fn = call.childForFieldName('function') ?? call;
          const buffer = call.childForFieldName('object') ?? call.childForFieldName('receiver') ?? fn.childForFieldName('object') ?? fn.childForFieldName('operand') ?? fn.childForFieldName('expression');
          return accumulated(buffer, call);
        }
      }
    }
    if (isBoundary(parent)) {
      const fn = rubyImplicitReturn(node, parent);
      if (fn) {
        const name = functionName(fn);
        return name && isSecretName(name) ? name : undefined;
      }
      return undefined;
    }
    node = parent;
  }
  return undefined;
}

export const filters: Record<string, FilterHelper> = {
  /**
   * The weak random value (target) ends up in a secret: sets `{{secret}}` to the name it lands in.
   * Options: `outer` (regex of callee names whose own finding covers this one).
   */
  randomFlowsToSecret: (ctx, target, options) => {
    if (!target?.node) return false;
    const outer = optString(options, 'outer');
    const name = secretDestination(target.node, outer ? new RegExp(outer) : undefined);
    if (!name) return false;
    ctx.vars['secret'] = name;
    return true;
  },

};

/** The options each helper above accepts (checked when a rule file loads). */
export const options: Record<string, HelperOptions> = {
  randomFlowsToSecret: { outer: opt.string },
};
