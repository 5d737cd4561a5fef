// The inner walls of server/src, as lint rules rather than comments (ARCHITECTURE.md, "Layout"):
// - the adapters (lsp/, cli/) reach engine/ and project/ through their index files only, so each layer's
//   inside can be rearranged without touching its callers;
// - engine/ (a document in, findings out) never imports the project layer, an adapter or an editor package,
//   so the CLI, the worker threads and the tests run it without an editor;
// - checks/ (rule logic) sits under the engine and likewise never reaches up;
// - the extension (client/src/) shares only the wire contract with the server: server/src/protocol.ts.
// Kept in its own file so server/src/test/architecture.test.ts lints planted files against exactly these
// rules, and a wall that disappears fails a test. Import cycles are checked by that test too.

const deepIntoLayers = {
  regex: '^(\\.\\./)+(engine|project)/',
  message: 'Import engine/ and project/ through their index files (../engine, ../project), not their inner files.',
};
const editorPackages = {
  regex: '^vscode($|-)',
  message: 'engine/ and checks/ run without an editor: no vscode or vscode-languageserver* imports.',
};
const upward = (layer, forbidden) => ({
  regex: `^(\\.\\./)+(${forbidden.join('|')})($|/)`,
  message: `${layer} may not import ${forbidden.map((f) => `${f}/`).join(', ')}: the arrows point down (adapters -> project -> engine -> checks).`,
});

const serverInsides = {
  regex: '^(\\.\\./)+server/src/(?!protocol$)',
  message: 'client/src/ imports from the server only server/src/protocol.ts (command ids, requests, answer types).',
};

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export const walls = [
  { files: ['server/src/lsp/**/*.ts', 'server/src/cli/**/*.ts'], rules: restrict(deepIntoLayers) },
  { files: ['server/src/engine/**/*.ts'], rules: restrict(upward('engine/', ['project', 'lsp', 'cli']), editorPackages) },
  { files: ['server/src/checks/**/*.ts'], rules: restrict(upward('checks/', ['project', 'lsp', 'cli']), editorPackages) },
  { files: ['client/src/**/*.ts'], rules: restrict(serverInsides) },
];
