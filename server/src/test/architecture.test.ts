// The house's walls (issue 18): no import cycles anywhere in server/src or client/src, and the lint rules that
// keep the layers apart (eslint.walls.mjs) still exist and still fire. Both read the TypeScript sources, so
// they hold whatever the compiled output looks like.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Linter } from 'eslint';
import * as ts from 'typescript';
import { packageRoot } from '../engine';

const root = packageRoot();

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** A relative specifier to the file it names (`./x` is x.ts or x/index.ts); packages and node: are outside. */
function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (candidate.endsWith('.ts') && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Every import and re-export, type-only ones included: a type cycle is a cycle in the design too. */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const info = ts.preProcessFile(fs.readFileSync(f, 'utf8'), true, true);
    const targets = info.importedFiles.map((i) => resolveLocal(f, i.fileName)).filter((t): t is string => t !== undefined);
    graph.set(f, [...new Set(targets)]);
  }
  return graph;
}

/** Each cycle once, as the list of files around it (Tarjan's strongly connected components, then one loop in each). */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = component.length === 1 && (graph.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  // Within a component every file reaches every other: walk from its first file back to it for a readable loop.
  return components.map((c) => {
    const members = new Set(c);
    const start = [...c].sort()[0]!;
    const prev = new Map<string, string>();
    const queue = [start];
    const seen = new Set([start]);
    while (queue.length) {
      const v = queue.shift()!;
      for (const w of graph.get(v) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) {
          const loop = [v];
          while (loop[0] !== start) loop.unshift(prev.get(loop[0]!)!);
          return [...loop, start];
        }
        if (!seen.has(w)) {
          seen.add(w);
          prev.set(w, v);
          queue.push(w);
        }
      }
    }
    return [...c, c[0]!];
  });
}

function show(cycle: readonly string[]): string {
  return cycle.map((f) => path.relative(root, f)).join(' -> ');
}

describe('architecture: import cycles', () => {
  it('server/src and client/src have no import cycle', () => {
    const files = [...sourceFiles(path.join(root, 'server', 'src')), ...sourceFiles(path.join(root, 'client', 'src'))];
    assert.ok(files.length > 100, `read only ${files.length} source files`);
    const cycles = findCycles(importGraph(files));
    assert.deepStrictEqual(cycles.map(show), [], `import cycles:\n${cycles.map(show).join('\n')}`);
  });

  it('finds a planted cycle and prints it', () => {
    const a = path.join(root, 'a.ts');
    const b = path.join(root, 'b.ts');
    const c = path.join(root, 'c.ts');
    const graph = new Map([
      [a, [b]],
      [b, [c]],
      [c, [a]],
      [path.join(root, 'd.ts'), [a]],
    ]);
    assert.deepStrictEqual(findCycles(graph).map(show), ['a.ts -> b.ts -> c.ts -> a.ts']);
  });
});

describe('architecture: lint walls', function () {
  this.timeout(120_000);

  /** Lints a file that does not exist on disk against the walls alone (no type information needed). */
  async function wallErrors(file: string, code: string): Promise<string[]> {
    const { ESLint } = await import('eslint');
    // The walls file is ESM; the compiled test is CommonJS, where TypeScript keeps import() as it is.
    const { walls } = (await import(pathToFileURL(path.join(root, 'eslint.walls.mjs')).href)) as { walls: Linter.Config[] };
    const { parser } = await import('typescript-eslint');
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser } }, ...walls],
    });
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return result!.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
  }

  it('the lint config applies the walls', async () => {
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ cwd: root });
    for (const file of ['server/src/lsp/x.ts', 'server/src/cli/report/x.ts', 'server/src/engine/rules/x.ts', 'server/src/checks/shared/x.ts', 'client/src/x.ts']) {
      const config = (await eslint.calculateConfigForFile(path.join(root, file))) as { rules: Record<string, unknown> };
      assert.ok(config.rules['no-restricted-imports'], `${file}: no-restricted-imports is not configured`);
    }
  });

  const planted: [string, string, RegExp][] = [
    ['server/src/lsp/planted.ts', "import { messageFor } from '../engine/match/messages';", /index files/],
    ['server/src/lsp/planted.ts', "import { walk } from '../project/walk';", /index files/],
    ['server/src/cli/report/planted.ts', "import { walk } from '../../project/walk';", /index files/],
    ['server/src/engine/rules/planted.ts', "import { CONFIG_FILE } from '../../project';", /engine\/ may not import/],
    ['server/src/engine/planted.ts', "import { SOURCE } from '../lsp/diagnostics';", /engine\/ may not import/],
    ['server/src/engine/match/planted.ts', "import { vigilVersion } from '../../cli/meta';", /engine\/ may not import/],
    ['server/src/engine/planted.ts', "import type { Diagnostic } from 'vscode-languageserver/node';", /without an editor/],
    ['server/src/checks/sql-injection/planted.ts', "import { walk } from '../../project';", /checks\/ may not import/],
    ['server/src/checks/shared/planted.ts', "import { uriToPath } from '../../lsp/uri';", /checks\/ may not import/],
    ['client/src/findings/planted.ts', "import { Engine } from '../../../server/src/engine';", /only server\/src\/protocol\.ts/],
  ];
  for (const [file, code, expected] of planted) {
    it(`refuses ${code} in ${file}`, async () => {
      const errors = await wallErrors(file, `${code}\n`);
      assert.ok(errors.some((e) => e.startsWith('no-restricted-imports') && expected.test(e)), `no wall error: ${JSON.stringify(errors)}`);
    });
  }

  it('allows the doors', async () => {
    assert.deepStrictEqual(await wallErrors('server/src/lsp/planted.ts', "import { Engine } from '../engine';\nimport { walk } from '../project';\n"), []);
    assert.deepStrictEqual(await wallErrors('server/src/engine/planted.ts', "import { HELPERS } from '../checks';\n"), []);
    assert.deepStrictEqual(await wallErrors('client/src/findings/planted.ts', "import { SCAN_COMMAND } from '../../../server/src/protocol';\n"), []);
  });
});
