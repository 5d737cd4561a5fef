// Starts and stops code-server 4.100.3 (VS Code 1.100.3) on loopback with fresh state, optionally with a
// .vsix installed first, exactly as a user would install it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { CODE_SERVER } from './paths.mjs';

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'git.enabled': false,
  // A save must be the test's own act (the onSave test and the GUI's Ctrl+S).
  'files.autoSave': 'off',
  'chat.disableAIFeatures': true,
};

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ stateDir: string, vsix?: string, folder?: string, settings?: Record<string, unknown> }} opts
 * @returns {Promise<{ base: string, port: number, stop: () => Promise<void>, log: string }>}
 */
export async function startCodeServer({ stateDir, vsix, folder, settings = {} }) {
  if (!fs.existsSync(CODE_SERVER)) throw new Error('code-server is not installed: run scripts/e2e/setup-tools.sh');
  const dirs = { ud: path.join(stateDir, 'user-data'), ext: path.join(stateDir, 'extensions'), xdg: path.join(stateDir, 'xdg') };
  for (const d of [path.join(dirs.ud, 'User'), dirs.ext, dirs.xdg]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(dirs.ud, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  const env = {
    ...process.env,
    // Keeps ~/.config/code-server untouched; the extension gallery is unreachable here, so it is switched off.
    XDG_CONFIG_HOME: dirs.xdg,
    XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
    EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY || '{"serviceUrl":""}',
  };
  const common = ['--user-data-dir', dirs.ud, '--extensions-dir', dirs.ext];
  if (vsix) {
    const r = spawnSync(CODE_SERVER, [...common, '--install-extension', vsix, '--force'], { env, encoding: 'utf8' });
    fs.writeFileSync(path.join(stateDir, 'install.log'), `${r.stdout}\n${r.stderr}`);
    if (r.status !== 0) throw new Error(`installing ${path.basename(vsix)} failed:\n${r.stdout}${r.stderr}`);
  }
  const port = await freePort();
  const log = path.join(stateDir, 'server.log');
  const out = fs.openSync(log, 'w');
  const args = [
    ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', ...(folder ? [folder] : []),
  ];
  // Own process group, so stop() ends code-server and the extension host and language server under it.
  const child = spawn(CODE_SERVER, args, { env, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const t = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    await exited;
    clearTimeout(t);
  };
  const base = `http://127.0.0.1:${port}`;
  // Generous: code-server answers in a few seconds idle; a loaded 2-core machine can take minutes.
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${fs.readFileSync(log, 'utf8')}`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error('code-server did not answer /healthz within 300 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, port, stop, log };
}
