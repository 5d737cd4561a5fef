import { sourceOf, type Node } from '../../engine/source/parse';
import type { MatchContext, OffsetEdit } from './types';
import { escapeRegExp } from './types';
import { treeFact } from '../../engine/incremental/documentFacts';

// The import a fix's new code needs (Python `import os`, Go "path/filepath"), placed where the file's imports are.
// Where it goes is a fact of the whole file, recorded for incremental analysis (see documentFacts.ts).

/** The edit adding `import <module>` to a Python file, or undefined when the file imports it already. */
export function pythonImportEdit(ctx: MatchContext, module: string): OffsetEdit | undefined {
  return treeFact(ctx.tree!.rootNode, `python-import-${module}`, (root) => pythonImportEditOf(root, module) ?? null) ?? undefined;
}

function pythonImportEditOf(root: Node, module: string): OffsetEdit | undefined {
  // `import os.path` binds `os` as well.
  const present = new RegExp(`^[ \\t]*import[ \\t]+(?:[\\w.]+[ \\t]*,[ \\t]*)*${escapeRegExp(module)}(?:\\.[\\w.]+)?[ \\t]*(?:,|#|$)`, 'm');
  if (present.test(sourceOf(root))) return undefined;
  const line = `import ${module}`;
  const top = root.namedChildren.filter((c): c is Node => c !== null);
  const future = top.filter((c) => c.type === 'future_import_statement' || (c.type === 'import_from_statement' && /^from\s+__future__\b/.test(c.text)));
  if (future.length > 0) return { start: future[future.length - 1]!.endIndex, end: future[future.length - 1]!.endIndex, text: `\n${line}` };
  const firstImport = top.find((c) => c.type === 'import_statement' || c.type === 'import_from_statement');
  if (firstImport) return { start: firstImport.startIndex, end: firstImport.startIndex, text: `${line}\n` };
  const first = top.find((c) => c.type !== 'comment');
  if (first && first.type === 'expression_statement' && first.namedChildren[0]?.type === 'string') {
    return { start: first.endIndex, end: first.endIndex, text: `\n\n${line}` };
  }
  const at = first ? first.startIndex : sourceOf(root).length;
  return { start: at, end: at, text: `${line}\n\n` };
}

/** The edit adding `import "<path>"` to a Go file, or undefined when the file imports it already. */
export function goImportEdit(ctx: MatchContext, importPath: string): OffsetEdit | undefined {
  return treeFact(ctx.tree!.rootNode, `go-import-${importPath}`, (root) => goImportEditOf(root, importPath) ?? null) ?? undefined;
}

/** The name a Go file knows `importPath` by: its alias, the last path segment, or undefined when not imported. */
export function goImportName(ctx: MatchContext, importPath: string): string | undefined {
  return treeFact(ctx.tree!.rootNode, `go-import-name-${importPath}`, (root) => goImportNameOf(root, importPath) ?? null) ?? undefined;
}

function goImportSpecs(root: Node): Node[] {
  const out: Node[] = [];
  for (const d of root.namedChildren) {
    if (d?.type !== 'import_declaration') continue;
    for (const c of d.namedChildren) {
      if (c?.type === 'import_spec') out.push(c);
      else if (c?.type === 'import_spec_list') for (const s of c.namedChildren) if (s?.type === 'import_spec') out.push(s);
    }
  }
  return out;
}

const pathOf = (spec: Node): string => (spec.childForFieldName('path')?.text ?? spec.text).replace(/^["`]|["`]$/g, '');

function goImportNameOf(root: Node, importPath: string): string | undefined {
  const spec = goImportSpecs(root).find((s) => pathOf(s) === importPath);
  if (!spec) return undefined;
  return spec.childForFieldName('name')?.text ?? importPath.split('/').pop();
}

function goImportEditOf(root: Node, importPath: string): OffsetEdit | undefined {
  if (goImportSpecs(root).some((s) => pathOf(s) === importPath)) return undefined;
  const quoted = `"${importPath}"`;
  const imports = root.namedChildren.filter((c): c is Node => c !== null && c.type === 'import_declaration');
  const grouped = imports.map((d) => d.namedChildren.find((c) => c?.type === 'import_spec_list')).find((c) => c);
  if (grouped) return goGroupedImportEdit(grouped, importPath);
  if (imports.length > 0) {
    const last = imports[imports.length - 1]!;
    return { start: last.endIndex, end: last.endIndex, text: `\nimport ${quoted}` };
  }
  const pkg = root.namedChildren.find((c) => c?.type === 'package_clause');
  if (!pkg) return undefined;
  return { start: pkg.endIndex, end: pkg.endIndex, text: `\n\nimport ${quoted}` };
}

/**
 * The path inside an `import ( ... )` list, where gofmt would keep it: specs are sorted by path within each run of
 * lines (runs are separated by blank lines or comments), and the standard library's run is the one without a dot
 * in its first path element (goimports' grouping). The new line copies the indentation of its neighbour.
 */
function goGroupedImportEdit(list: Node, importPath: string): OffsetEdit {
  const quoted = `"${importPath}"`;
  const src = sourceOf(list);
  const specs = list.namedChildren.filter((c): c is Node => c !== null && c.type === 'import_spec');
  if (specs.length === 0) return { start: list.startIndex + 1, end: list.startIndex + 1, text: `\n\t${quoted}` };
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
  const after = run.find((spec) => pathOf(spec) > importPath);
  if (after) return { start: after.startIndex, end: after.startIndex, text: `${quoted}\n${indentOf(after)}` };
  const last = run[run.length - 1]!;
  // After the last spec's line, so a trailing comment stays on its own spec.
  const eol = src.indexOf('\n', last.endIndex);
  const at = eol < 0 || eol > list.endIndex ? last.endIndex : eol;
  return { start: at, end: at, text: `\n${indentOf(last)}${quoted}` };
}
