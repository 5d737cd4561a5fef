// Runs the in-editor suite in a downloaded VS Code with @vscode/test-electron, for contributors whose machine
// can download VS Code (`npm run test:electron`). CI runs the same suite in code-server (scripts/e2e/).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

/**
 * npm's name in package.json is scoped (@vigil-dev/vigil), which is no extension name: the development host
 * loads a temporary folder with the manifest renamed to `vigil` and links to the built folders (as
 * scripts/e2e/paths.mjs does for code-server), so the extension id stays vigil-dev.vigil.
 */
function devExtensionDir(dir: string): string {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-devext-'));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify({ ...manifest, name: 'vigil' }, null, 2));
  for (const entry of ['client', 'server', 'rules', 'media', 'README.md', 'LICENSE']) {
    if (fs.existsSync(path.join(dir, entry))) fs.symlinkSync(path.join(dir, entry), path.join(stage, entry));
  }
  return stage;
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  // The tests edit and save files: give them a throwaway copy of the fixture workspace.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-electron-'));
  fs.cpSync(path.join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      // 1.100 is the newest VS Code the package.json engines and code-server 4.100.3 agree on.
      version: process.env.VSCODE_VERSION ?? '1.100.3',
      // Downloads go to the git-ignored tools folder, not a .vscode-test/ beside the sources.
      cachePath: path.join(root, '.tools', 'vscode-test'),
      extensionDevelopmentPath: devExtensionDir(root),
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
