import type { Node } from '../../engine/source/parse';
import type { FilterHelper, FixHelper, HelperOptions, MatchContext } from '../shared/types';
import { capture, opt, optString } from '../shared/types';
import { taintOfCapture } from '../shared/taintHelpers';
import { unwrapParens } from '../shared/ast';
import { isSafeValue } from '../shared/safeValues';
import { requestObject, requestValue, type SourceKind } from './sources';

// Helpers of the nosql-injection rule: a MongoDB filter (the `filter` capture) that holds request data which can
// be an object, so input chooses the operator. `nosqlRequestFilter` decides; `nosqlCastToString` casts each such
// value to a string, which a MongoDB operator can never be.

interface Hit {
  node: Node;
  kind: SourceKind;
  /** JavaScript `{ user }`: the shorthand property, rewritten as `user: String(user)`. */
  shorthand?: boolean;
}

const hits = new WeakMap<MatchContext, { whole: boolean; values: Hit[] }>();

const OBJECTS = new Set(['object', 'dictionary', 'hash', 'array_creation_expression', 'argument_list']);
const LISTS = new Set(['array', 'list', 'tuple']);
const PAIRS = new Set(['pair', 'array_element_initializer']);

function keyText(pair: Node): string {
  const key = pair.childForFieldName('key') ?? (pair.namedChildCount > 1 ? pair.namedChild(0) : null);
  return (key?.text ?? '').replace(/^[:'"]|['"]$/g, '').replace(/:$/, '');
}

/** The request values inside a filter literal (nested objects, `$and` / `$or` lists), skipping `$eq` and safe values. */
function collect(node: Node, out: Hit[], depth = 0): void {
  const n = unwrapParens(node);
  if (depth > 6) return;
  if (OBJECTS.has(n.type) || LISTS.has(n.type)) {
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'shorthand_property_identifier') {
        const kind = requestValue(c);
        if (kind) out.push({ node: c, kind, shorthand: true });
      } else if (PAIRS.has(c.type)) {
        const keyed = c.type === 'pair' || c.namedChildCount > 1;
        // {"$eq": value} compares literally, whatever the value is; an ORM's options object ({ where: ... })
        // is not a MongoDB filter (Sequelize, TypeORM and Prisma type their operators).
        if (keyed && /^(\$eq|where)$/.test(keyText(c))) {
          if (keyText(c) === 'where' && depth === 0) return;
          continue;
        }
        const value = keyed ? (c.childForFieldName('value') ?? c.namedChild(c.namedChildCount - 1)) : c.namedChild(0);
        if (value) visit(value, out, depth);
      } else if (c.type !== 'comment') {
        visit(c, out, depth);
      }
    }
    return;
  }
  visit(n, out, depth);
}

function visit(value: Node, out: Hit[], depth: number): void {
  const v = unwrapParens(value);
  if (OBJECTS.has(v.type) || LISTS.has(v.type)) return collect(v, out, depth + 1);
  if (isSafeValue(v, 'nosql')) return;
  const kind = requestValue(v);
  if (kind) out.push({ node: v, kind });
}

const WHERE_DETAIL = '$where runs this JavaScript on the database server, and it is built from a value that can come from outside the program, so input can run code in the query. Use query operators with the value as data.';
const REGEX_DETAIL = (value: string): string =>
  `$regex takes ${value} from the request as a regular expression, so input can widen the match (.*) or make it slow. Escape the text first (escapeRegExp / re.escape / preg_quote / Regexp.escape), or match exactly.`;

export const filters: Record<string, FilterHelper> = {
  /**
   * The value (target) of a `$where` or `$regex` key (the `key` capture): `$where` code that can carry input (high
   * confidence when built around a value, medium when opaque), or a `$regex` read from the request (medium).
   * Sets `detail`, the message.
   */
  nosqlOperatorValue: (ctx, target) => {
    const key = capture(ctx, 'key')?.text.replace(/^['"]|['"]$/g, '');
    if (!target?.node || !key) return false;
    if (key === '$where') {
      const t = taintOfCapture(ctx, target, undefined, 'code');
      // Another file's result (a scan across files) is no evidence here: this helper does not hand findings to the scan.
      if (!t || t.evidence === 'return') return false;
      if (!t.built && ctx.confidence === 'high') ctx.confidence = 'medium';
      ctx.vars['detail'] = WHERE_DETAIL;
      return true;
    }
    if (isSafeValue(target.node, 'nosql') || !requestValue(target.node)) return false;
    if (ctx.confidence === 'high') ctx.confidence = 'medium';
    ctx.vars['detail'] = REGEX_DETAIL(target.node.text);
    return true;
  },

  /**
   * The filter (target) is the request object itself (`find(req.body)`) or a literal holding a request value
   * that can be an object (`{ user: req.body.user }`, `{'user' => $_GET['user']}`, `name: params[:name]`).
   * Sets `value` for the message.
   */
  nosqlRequestFilter: (ctx, target) => {
    if (!target?.node) return false;
    const n = unwrapParens(target.node);
    if (requestObject(n)) {
      hits.set(ctx, { whole: true, values: [] });
      ctx.vars['value'] = n.text;
      return true;
    }
    if (!OBJECTS.has(n.type) && !LISTS.has(n.type)) return false;
    // Ruby passes a bare hash as the argument list (`where(name: params[:name])`); anything else there is
    // one argument (`where(params[:q])`).
    if (n.type === 'argument_list') {
      const args = n.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
      if (args.length === 1 && args[0]!.type !== 'pair') {
        if (requestValue(args[0]!) && !isSafeValue(args[0]!, 'nosql')) {
          hits.set(ctx, { whole: true, values: [] });
          ctx.vars['value'] = args[0]!.text;
          return true;
        }
        return false;
      }
    }
    const values: Hit[] = [];
    collect(n, values);
    if (values.length === 0) return false;
    hits.set(ctx, { whole: false, values });
    ctx.vars['value'] = values[0]!.node.text;
    return true;
  },
};

function cast(languageId: string, text: string): string {
  if (languageId === 'python') return `str(${text})`;
  if (languageId === 'php') return `(string) ${text}`;
  if (languageId === 'ruby') return `${text}.to_s`;
  return `String(${text})`;
}

export const fixes: Record<string, FixHelper> = {
  /**
   * Casts each request value in the filter to a string. `sources: strings` fixes only filters whose values come
   * from sources that hold strings and containers (query strings, PHP superglobals, Rails params), where a cast
   * changes nothing for a string; `sources: json` fixes the others (a JSON number would no longer match).
   */
  nosqlCastToString: (ctx, options) => {
    const h = hits.get(ctx);
    if (!h || h.whole || h.values.length === 0) return undefined;
    const wantJson = optString(options, 'sources') === 'json';
    const anyJson = h.values.some((v) => v.kind === 'json');
    if (wantJson !== anyJson) return undefined;
    const lang = ctx.doc.languageId;
    return h.values.map((v) => ({
      start: v.node.startIndex,
      end: v.node.endIndex,
      text: v.shorthand ? `${v.node.text}: ${cast(lang, v.node.text)}` : cast(lang, v.node.text),
    }));
  },
};

/** The options each helper above accepts (checked when a rule file loads). */
export const options: Record<string, HelperOptions> = {
  nosqlRequestFilter: {},
  nosqlOperatorValue: {},
  nosqlCastToString: { sources: opt.oneOf(['strings', 'json']) },
};

