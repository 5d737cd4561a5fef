// The editor test layers scripts/test.mjs runs after the unit layer. Each command prints `N passed, N failed`
// last. `needs` names the steps of prepare.mjs a layer depends on; scripts/test.mjs runs them first.
import path from 'node:path';
import { ROOT } from './paths.mjs';

const script = (name) => path.join(ROOT, 'scripts', 'e2e', name);

export const layers = [
  { name: 'vscode extension host (code-server + mocha)', cmd: process.execPath, args: [script('run-exthost.mjs')], needs: ['system', 'tools'] },
  { name: 'vscode GUI (code-server + .vsix + Playwright)', cmd: process.execPath, args: [script('gui.mjs')], needs: ['system', 'tools', 'vsix'] },
  { name: 'security report (headless Chromium)', cmd: process.execPath, args: [script('report.mjs')], needs: ['system', 'tools'] },
  { name: 'neovim (headless LSP client)', cmd: process.execPath, args: [script('run-nvim.mjs')], needs: ['system'] },
];
