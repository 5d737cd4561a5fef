// The editor test layers scripts/test.mjs runs after the unit layer. Each command prints `N passed, N failed`
// last. They need a build (npm run build), the tools (scripts/e2e/setup-tools.sh) and, for the GUI layer,
// the package (npm run package); .ci/run does all of that first.
import path from 'node:path';
import { ROOT } from './paths.mjs';

const script = (name) => path.join(ROOT, 'scripts', 'e2e', name);

export const layers = [
  { name: 'vscode extension host (code-server + mocha)', cmd: process.execPath, args: [script('run-exthost.mjs')] },
  { name: 'vscode GUI (code-server + .vsix + Playwright)', cmd: process.execPath, args: [script('gui.mjs')] },
  { name: 'security report (headless Chromium)', cmd: process.execPath, args: [script('report.mjs')] },
  { name: 'neovim (headless LSP client)', cmd: process.execPath, args: [script('run-nvim.mjs')] },
];
