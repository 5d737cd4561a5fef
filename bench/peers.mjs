// Installs the peer tools the benchmark compares against into .bench/peers (never into the project's
// package.json), pinned so runs stay comparable. A peer that cannot be installed is reported, not fatal.
import * as fs from 'fs';
import * as path from 'path';
import { PEERS, has, log, sh } from './lib.mjs';

/** Pinned peer versions. ESLint 9 because the ESLint language server of vscode-langservers-extracted 4.10 drives the flat-config API of 9.x. */
export const NPM_PEERS = {
  eslint: '9.39.5',
  'eslint-plugin-security': '4.1.0',
  'vscode-langservers-extracted': '4.10.0',
  secretlint: '13.0.6',
  '@secretlint/secretlint-rule-preset-recommend': '13.0.7',
};

const ESLINT_CONFIG = `// Flat config for the benchmark: only eslint-plugin-security's recommended rules, like a security-only linter.
const security = require('eslint-plugin-security');
module.exports = [
  { ignores: ['**/*.min.js'] },
  { ...security.configs.recommended, languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
];
`;

const SECRETLINT_CONFIG = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] };

export function peerPaths() {
  const bin = (name) => path.join(PEERS, 'node_modules', '.bin', name);
  return {
    eslint: bin('eslint'),
    eslintConfig: path.join(PEERS, 'eslint.config.cjs'),
    eslintServer: bin('vscode-eslint-language-server'),
    secretlint: bin('secretlint'),
    secretlintConfig: path.join(PEERS, '.secretlintrc.json'),
  };
}

/** Installs what is missing; returns { name: 'ok' | 'unavailable (reason)' }. */
export function ensurePeers({ offline = false } = {}) {
  fs.mkdirSync(PEERS, { recursive: true });
  const status = {};
  const pkgFile = path.join(PEERS, 'package.json');
  const want = { name: 'vigil-bench-peers', private: true, dependencies: NPM_PEERS };
  const current = fs.existsSync(pkgFile) ? fs.readFileSync(pkgFile, 'utf8') : '';
  const desired = `${JSON.stringify(want, null, 2)}\n`;
  const installed = Object.keys(NPM_PEERS).every((n) => fs.existsSync(path.join(PEERS, 'node_modules', n, 'package.json')));
  if (current !== desired || !installed) {
    fs.writeFileSync(pkgFile, desired);
    if (offline) {
      log('peers: --offline and not installed; peer rows will be unavailable');
    } else {
      log('peers: npm install into .bench/peers (pinned)');
      const r = sh('npm install --no-audit --no-fund --loglevel=error', { cwd: PEERS });
      if (r.code !== 0) log(`peers: npm install failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    }
  }
  fs.writeFileSync(path.join(PEERS, 'eslint.config.cjs'), ESLINT_CONFIG);
  fs.writeFileSync(path.join(PEERS, '.secretlintrc.json'), `${JSON.stringify(SECRETLINT_CONFIG, null, 2)}\n`);
  for (const n of Object.keys(NPM_PEERS)) {
    status[n] = fs.existsSync(path.join(PEERS, 'node_modules', n, 'package.json')) ? 'ok' : 'unavailable (npm install failed)';
  }
  status.bandit = ensureDebian('bandit', 'python3-bandit', offline);
  status.rg = ensureDebian('rg', 'ripgrep', offline);
  return status;
}

function ensureDebian(cmd, pkg, offline) {
  if (has(cmd)) return 'ok';
  if (offline) return `unavailable (${cmd} not installed, --offline)`;
  if (process.getuid?.() !== 0) return `unavailable (${cmd} not installed; apt-get install ${pkg} needs root)`;
  log(`peers: apt-get install ${pkg}`);
  // apt waits for its own lock instead of failing when another install is running.
  const apt = 'apt-get -o DPkg::Lock::Timeout=300 -y -q';
  const r = sh(`${apt} install ${pkg} >/dev/null 2>&1 || (${apt} update >/dev/null 2>&1 && ${apt} install ${pkg} >/dev/null 2>&1)`);
  return r.code === 0 && has(cmd) ? 'ok' : `unavailable (apt-get install ${pkg} failed)`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensurePeers());
}
