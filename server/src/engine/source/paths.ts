import * as fs from 'fs';
import * as path from 'path';

/**
 * The bundles (server/out/*.js), the tsc output (server/lib/**) and the packaged extension all keep
 * rules/ at the package root, so walk up from this file until a folder holds rules/schema.json.
 */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'rules', 'schema.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Vigil: cannot find rules/schema.json above ${from}`);
    dir = parent;
  }
}

export function builtinRulesDir(): string {
  return path.join(packageRoot(), 'rules');
}

/** The bundles ship the grammars beside them in out/wasm; from source, use the package in node_modules. */
export function wasmDir(): string {
  const bundled = path.join(__dirname, 'wasm');
  if (fs.existsSync(path.join(bundled, 'tree-sitter.wasm'))) return bundled;
  // A variable name keeps the bundler from trying to inline the package path.
  const pkg = '@vscode/tree-sitter-wasm';
  return path.dirname(require.resolve(pkg));
}
