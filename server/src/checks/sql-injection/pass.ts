import type { Node } from '../../engine/source/parse';
import type { MatchContext, OffsetEdit } from '../shared/types';
import { capture, documentFact, documentTest } from '../shared/types';
import { declaredType, enclosingStatement, referencesInScope, sameNode } from '../shared/ast';
import type { ValuePart } from './build';

// How each driver family takes bound values, and which placeholder it reads. One style per sink family;
// the rule file names the style. A style returns undefined when the call's shape is not the simple one
// it knows (extra arguments, a result used in a way the rewrite would break).

/** A rewritten query (fix.ts builds it, each driver's pass places it): the new literal and the values in placeholder order. */
export interface Rewrite {
  literal: string;
  values: ValuePart[];
  /** Each value was quoted in the SQL ('...'), i.e. a string. */
  quoted: boolean[];
  /** Placeholder names (`@name`) when the style names them. */
  names: string[];
}

export type Placeholder = 'qmark' | 'pyformat' | 'dollar' | 'jpa' | 'brace' | 'at' | 'wpdb';

export interface Pass {
  placeholder: Placeholder;
  /** The query may have been built in a local variable (its assignment gets the new literal). */
  allowLocal: boolean;
  /** Replacement text for the sink's query argument, given the query text (literal or variable). */
  wrap?: (query: string, rw: Rewrite) => string;
  /** The style places the literal itself (Java Statement → PreparedStatement). */
  placesLiteral?: boolean;
  /** Edits that pass the values. */
  edits: (rw: Rewrite, indent: string) => OffsetEdit[] | undefined;
}

function args(call: Node): Node[] {
  const list = call.childForFieldName('arguments') ?? call.namedChildren.find((c) => c !== null && /^(argument_list|arguments)$/.test(c.type)) ?? null;
  if (!list) return [];
  return list.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
}

const vals = (rw: Rewrite): string => rw.values.map((v) => v.node.text).join(', ');
const insertAt = (at: number, text: string): OffsetEdit => ({ start: at, end: at, text });

function isOnlyArg(call: Node, sql: Node): boolean {
  const as = args(call);
  return as.length === 1 && (sameNode(as[0], sql) || sameNode(as[0]?.namedChild(0), sql));
}

function isLastArg(call: Node, sql: Node): boolean {
  const as = args(call);
  const last = as[as.length - 1];
  return sameNode(last, sql) || sameNode(last?.namedChild(0), sql);
}

/** Whether the file imports a module: a fact of the whole file (see documentFacts.ts). */
function imports(ctx: MatchContext, re: RegExp, literal?: string): boolean {
  return documentTest(ctx, re, literal);
}

/** Inserts a line after the statement that holds `node`, at the statement's indentation. */
function lineAfter(node: Node, indent: string, lines: string[]): OffsetEdit | undefined {
  const stmt = enclosingStatement(node);
  if (!stmt) return undefined;
  return insertAt(stmt.endIndex, lines.map((l) => `\n${indent}${l}`).join(''));
}

function javaSetter(rw: Rewrite, i: number): string {
  const v = rw.values[i]!.node;
  const declared = v.type === 'identifier' ? declaredType(v, v.text) ?? '' : '';
  if (/^(int|Integer)$/.test(declared)) return 'setInt';
  if (/^(long|Long)$/.test(declared)) return 'setLong';
  if (/^(double|Double)$/.test(declared)) return 'setDouble';
  if (/^(boolean|Boolean)$/.test(declared)) return 'setBoolean';
  if (declared === 'String' || rw.quoted[i]) return 'setString';
  return 'setObject';
}

/** Java: `Statement st = c.createStatement(); ... st.executeQuery(sql)` → PreparedStatement. Local and single-use only. */
function javaStatement(ctx: MatchContext, call: Node, sql: Node): Pass | undefined {
  const recv = call.childForFieldName('object');
  if (!recv || recv.type !== 'identifier' || !isOnlyArg(call, sql)) return undefined;
  const refs = referencesInScope(call, recv.text);
  if (refs.length !== 2) return undefined;
  const declName = refs[0]!;
  const declarator = declName.parent;
  const decl = declarator?.parent;
  if (declarator?.type !== 'variable_declarator' || decl?.type !== 'local_variable_declaration') return undefined;
  const type = decl.childForFieldName('type');
  const init = declarator.childForFieldName('value');
  if (type?.text !== 'Statement' || init?.type !== 'method_invocation' || init.childForFieldName('name')?.text !== 'createStatement') return undefined;
  if (args(init).length !== 0) return undefined;
  const name = init.childForFieldName('name')!;
  const sinkStmt = enclosingStatement(call);
  if (!sinkStmt) return undefined;
  return {
    placeholder: 'qmark',
    allowLocal: false,
    placesLiteral: true,
    edits: (rw, indent) => {
      const out: OffsetEdit[] = [
        { start: type.startIndex, end: type.endIndex, text: 'PreparedStatement' },
        { start: name.startIndex, end: init.endIndex, text: `prepareStatement(${rw.literal})` },
        { start: sql.startIndex, end: sql.endIndex, text: '' },
      ];
      const setters = rw.values.map((v, i) => `${recv.text}.${javaSetter(rw, i)}(${i + 1}, ${v.node.text});\n${indent}`).join('');
      out.push(insertAt(sinkStmt.startIndex, setters));
      if (!documentTest(ctx, /^import\s+java\.sql\.(PreparedStatement|\*)\s*;/m)) {
        const at = Number(documentFact(ctx, 'java-statement-import', (t) => String(/^import\s+java\.sql\.Statement\s*;/m.exec(t)?.index ?? -1)));
        if (at >= 0) out.push(insertAt(at, 'import java.sql.PreparedStatement;\n'));
      }
      return out;
    },
  };
}

/** Java: `PreparedStatement ps = c.prepareStatement(built)` → placeholders and setters after the declaration. */
function javaPrepare(call: Node, sql: Node): Pass | undefined {
  const declarator = call.parent;
  if (declarator?.type !== 'variable_declarator' || declarator.parent?.type !== 'local_variable_declaration' || !isOnlyArg(call, sql)) return undefined;
  const ps = declarator.childForFieldName('name')?.text;
  if (!ps) return undefined;
  return {
    placeholder: 'qmark',
    allowLocal: true,
    edits: (rw, indent) => {
      const e = lineAfter(call, indent, rw.values.map((v, i) => `${ps}.${javaSetter(rw, i)}(${i + 1}, ${v.node.text});`));
      return e ? [e] : undefined;
    },
  };
}

/** C#: add `cmd.Parameters.AddWithValue("@x", x);` after the statement that creates or configures `cmd`. */
function csharpCommand(call: Node): Pass | undefined {
  let cmd: string | undefined;
  if (call.type === 'assignment_expression') {
    const left = call.childForFieldName('left');
    cmd = left?.childForFieldName('expression')?.text ?? left?.namedChild(0)?.text;
  } else {
    const declarator = call.parent;
    if (declarator?.type === 'variable_declarator') cmd = declarator.namedChild(0)?.text;
  }
  if (!cmd || !/^[A-Za-z_][\w.]*$/.test(cmd)) return undefined;
  return {
    placeholder: 'at',
    allowLocal: true,
    edits: (rw, indent) => {
      const e = lineAfter(call, indent, rw.values.map((v, i) => `${cmd}.Parameters.AddWithValue("${rw.names[i]}", ${v.node.text});`));
      return e ? [e] : undefined;
    },
  };
}

/** PHP PDO: `$st = $pdo->query(built);` → `$st = $pdo->prepare(...); $st->execute([...]);`. */
function phpPdo(ctx: MatchContext, call: Node, sql: Node): Pass | undefined {
  const recv = call.childForFieldName('object')?.text ?? '';
  const isPdo = /pdo|dbh/i.test(recv) || (documentTest(ctx, /new\s+PDO\s*\(/) && !documentTest(ctx, /mysqli/i));
  const assign = call.parent;
  const name = call.childForFieldName('name');
  if (!isPdo || name?.text !== 'query' || assign?.type !== 'assignment_expression' || assign.parent?.type !== 'expression_statement' || !isOnlyArg(call, sql)) return undefined;
  const target = assign.childForFieldName('left')?.text;
  if (!target) return undefined;
  return {
    placeholder: 'qmark',
    allowLocal: true,
    edits: (rw, indent) => {
      const e = lineAfter(call, indent, [`${target}->execute([${vals(rw)}]);`]);
      return e ? [{ start: name.startIndex, end: name.endIndex, text: 'prepare' }, e] : undefined;
    },
  };
}

/** The pass for a named style, or undefined when this call is not in the simple shape that style handles. */
export function passValues(style: string, ctx: MatchContext, call: Node, sql: Node): Pass | undefined {
  const sink = capture(ctx, 'sink')?.text ?? '';
  const recv = capture(ctx, 'recv')?.text ?? '';
  const after = (suffix: (rw: Rewrite) => string): Pass['edits'] => (rw) => [insertAt(sql.endIndex, suffix(rw))];
  switch (style) {
    case 'py-dbapi': {
      // SQLAlchemy's execute takes a dict of named binds; DB-API drivers take a sequence.
      if (imports(ctx, /^\s*(from|import)\s+sqlalchemy\b/m, 'sqlalchemy') || /session|engine/i.test(recv) || !isOnlyArg(call, sql)) return undefined;
      const placeholder: Placeholder = imports(ctx, /^\s*(from|import)\s+sqlite3\b/m, 'sqlite3') ? 'qmark' : 'pyformat';
      return { placeholder, allowLocal: true, edits: after((rw) => `, (${vals(rw)}${rw.values.length === 1 ? ',' : ''})`) };
    }
    case 'py-django-raw':
      return isOnlyArg(call, sql) ? { placeholder: 'pyformat', allowLocal: true, edits: after((rw) => `, [${vals(rw)}]`) } : undefined;
    case 'js': {
      if (!/^(query|execute|run|all|get|each)$/.test(sink) || imports(ctx, /['"](typeorm|@prisma\/client)['"]/)) return undefined;
      const rest = args(call).slice(1);
      if (rest.length > 1 || (rest.length === 1 && !/function|arrow_function/.test(rest[0]!.type))) return undefined;
      if (/sequelize/i.test(recv)) {
        if (rest.length > 0) return undefined;
        return { placeholder: 'qmark', allowLocal: true, edits: after((rw) => `, { replacements: [${vals(rw)}] }`) };
      }
      const pg = imports(ctx, /require\(\s*['"](pg|pg-promise)['"]\s*\)|from\s+['"](pg|pg-promise)['"]/);
      return { placeholder: pg ? 'dollar' : 'qmark', allowLocal: true, edits: after((rw) => `, [${vals(rw)}]`) };
    }
    case 'append-list':
      return isOnlyArg(call, sql) ? { placeholder: 'qmark', allowLocal: true, edits: after((rw) => `, [${vals(rw)}]`) } : undefined;
    case 'go': {
      if (!isLastArg(call, sql)) return undefined;
      const gorm = imports(ctx, /"(gorm\.io\/gorm|github\.com\/jinzhu\/gorm)"/, 'gorm');
      const pg = !gorm && imports(ctx, /"github\.com\/(lib\/pq|jackc\/pgx)[^"]*"/);
      return { placeholder: pg ? 'dollar' : 'qmark', allowLocal: true, edits: after((rw) => `, ${vals(rw)}`) };
    }
    case 'java-jpa':
      return { placeholder: 'jpa', allowLocal: true, edits: (rw) => [insertAt(call.endIndex, rw.values.map((v, i) => `.setParameter(${i + 1}, ${v.node.text})`).join(''))] };
    case 'java-jdbctemplate': {
      if (/^(execute|batchUpdate)$/.test(sink)) return undefined;
      const as = args(call);
      const last = as[as.length - 1];
      if (!last) return undefined;
      return { placeholder: 'qmark', allowLocal: true, edits: (rw) => [insertAt(last.endIndex, `, ${vals(rw)}`)] };
    }
    case 'java-statement':
      return /^(executeQuery|executeUpdate|execute)$/.test(sink) ? javaStatement(ctx, call, sql) : /^prepareStatement$/.test(sink) ? javaPrepare(call, sql) : undefined;
    case 'cs-ef':
      return isOnlyArg(call, sql) ? { placeholder: 'brace', allowLocal: true, edits: after((rw) => `, ${vals(rw)}`) } : undefined;
    case 'cs-dapper':
      // Dapper binds `@name` from the properties of an anonymous object.
      if (!isLastArg(call, sql)) return undefined;
      return {
        placeholder: 'at',
        allowLocal: true,
        edits: after((rw) => `, new { ${rw.values.map((v, i) => (rw.names[i]!.slice(1) === v.node.text ? v.node.text : `${rw.names[i]!.slice(1)} = ${v.node.text}`)).join(', ')} }`),
      };
    case 'cs-command':
      return /^(Sql|Npgsql|MySql|Sqlite|SQLite)Command$/.test(sink) || sink === 'CommandText' ? csharpCommand(call) : undefined;
    case 'php-pdo':
      return phpPdo(ctx, call, sql);
    case 'php-wpdb':
      if (!/wpdb/.test(recv) || !isOnlyArg(call, sql)) return undefined;
      return { placeholder: 'wpdb', allowLocal: true, wrap: (q, rw) => `${recv}->prepare(${q}, ${vals(rw)})`, edits: () => [] };
    case 'rb-where':
      return isOnlyArg(call, sql) ? { placeholder: 'qmark', allowLocal: true, edits: after((rw) => `, ${vals(rw)}`) } : undefined;
    case 'rb-array':
      return isOnlyArg(call, sql) ? { placeholder: 'qmark', allowLocal: true, wrap: (q, rw) => `[${q}, ${vals(rw)}]`, edits: () => [] } : undefined;
    default:
      return undefined;
  }
}
