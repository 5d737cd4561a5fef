// Where the editor-test tools, fixtures and artifacts live, and a few helpers the layer scripts share.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TOOLS = path.join(ROOT, '.tools', 'e2e');
export const ARTIFACTS = path.join(ROOT, '.e2e-artifacts');
export const CODE_SERVER = path.join(TOOLS, 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const FIXTURE_WORKSPACE = path.join(ROOT, 'test', 'e2e', 'workspace');

/** playwright-core from the tools folder: it is not a project dependency, CI installs it beside code-server. */
export function playwright() {
  try {
    return createRequire(path.join(TOOLS, 'x.js'))('playwright-core');
  } catch {
    throw new Error('playwright-core is not installed: run scripts/e2e/setup-tools.sh');
  }
}

/** A fresh copy of the fixture workspace in the temp folder: tests edit and save files in it. */
export function copyWorkspace(label) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vigil-${label}-`));
  fs.cpSync(FIXTURE_WORKSPACE, dir, { recursive: true });
  return dir;
}

export function artifactDir(layer) {
  const dir = path.join(ARTIFACTS, layer);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Chromium as this machine allows it: Debian's binary, no sandbox (root), no calls to the network. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchBrowser() {
  const { chromium } = playwright();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The extension as VS Code loads it in development mode, from `dir` (the repository by default). npm's name in
 * package.json is scoped (@vigil-dev/vigil), which is no extension name; scripts/package.mjs renames it in the
 * .vsix, and this does the same for a development host: a temporary folder with the renamed manifest and links
 * to the built folders, so the extension id stays vigil-dev.vigil.
 */
export function devExtensionDir(dir = ROOT) {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-devext-'));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify({ ...manifest, name: 'vigil' }, null, 2));
  for (const entry of ['client', 'server', 'rules', 'media', 'README.md', 'LICENSE']) {
    if (fs.existsSync(path.join(dir, entry))) fs.symlinkSync(path.join(dir, entry), path.join(stage, entry));
  }
  return stage;
}
