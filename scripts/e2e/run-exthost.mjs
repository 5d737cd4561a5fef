#!/usr/bin/env node
// Runs the in-editor mocha suite (client/lib/test/index.js, the same one @vscode/test-electron runs) inside
// code-server's extension host. code-server has no --extensionTestsPath flag; its web workbench reads the same
// options from the `payload` URL parameter and reports the result through window.codeAutomationExit.
//
// Env: VIGIL_EXT_DIR  extension folder to test (default: the repository; the broken-fix check points it at a copy)
//      VIGIL_TEST_GREP  only tests whose title matches;  VIGIL_TRACE=1 LSP trace in the Vigil output log;
//      TEST_TIMEOUT_S (default 1800);  VERBOSE=1 workbench logs
// Prints the suite's `N passed, N failed` as its last line; exit code 0 only when everything passed.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { startCodeServer } from './codeServer.mjs';
import { ROOT, artifactDir, copyWorkspace, devExtensionDir, launchBrowser } from './paths.mjs';

const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
const extDir = path.resolve(process.env.VIGIL_EXT_DIR || ROOT);
const testsEntry = path.join(ROOT, 'client', 'lib', 'test', 'index.js');
// Stops a stuck host, nothing more: the suite takes 2-3 minutes idle and several times that on a loaded machine.
const timeoutMs = Number(process.env.TEST_TIMEOUT_S || 1800) * 1000;

// Workbench start-up lines that reach the log without the '%c' marker; noise for a test report.
const WORKBENCH_CHATTER = /^(Resolv|Creating a socket|Ignoring fetching|\[Service Worker\]|ChatSessionStore|Updating additional builtin)/;
let summary = '';
let exitCode = 1;
// If the suite never prints its closing line (timeout, crashed host), count the spec reporter's marks instead.
const marks = { passed: 0, failed: 0, epilogue: false };
function countMarks(line) {
  if (/^\s*\d+ passing/.test(line)) marks.epilogue = true;
  if (marks.epilogue) return;
  if (/^\s+✔ /.test(line)) marks.passed++;
  else if (/^\s+\d+\) /.test(line)) marks.failed++;
}
const artifacts = artifactDir('exthost');
const workspace = copyWorkspace('exthost');
let server;
let browser;
try {
  for (const f of [testsEntry, path.join(extDir, 'client', 'out', 'extension.js'), path.join(extDir, 'server', 'out', 'server.js')]) {
    if (!fs.existsSync(f)) throw new Error(`${path.relative(ROOT, f)} is missing: run npm run build`);
  }
  const settings = process.env.VIGIL_TRACE ? { 'vigil.trace.server': 'verbose' } : {};
  server = await startCodeServer({ stateDir: path.join(artifacts, 'state'), settings });
  console.log(`[${secs()}s] code-server up on ${server.base}`);
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(devExtensionDir(extDir))],
    ['extensionTestsPath', remote(testsEntry)],
    ['skipWelcome', 'true'],
  ];
  const url = `${server.base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  browser = await launchBrowser();
  const { page } = browser;
  const finished = new Promise((resolve) => {
    // console.* of the extension host (mocha's reporter) arrives here; workbench log lines start with '%c'.
    void page.exposeFunction('codeAutomationLog', (_type, args) => {
      const a = Array.isArray(args) ? args : [args];
      if (typeof a[0] === 'string' && a[0].startsWith('%c') && !process.env.VERBOSE) return;
      if (WORKBENCH_CHATTER.test(String(a[0])) && !process.env.VERBOSE) return;
      const line = util.format(...a);
      const m = /^(\d+) passed, (\d+) failed$/m.exec(line);
      if (m) summary = m[0];
      else {
        for (const l of line.split('\n')) countMarks(l);
        console.log(line);
      }
    });
    void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    setTimeout(() => resolve(124), timeoutMs);
  });
  await page.goto(url);
  exitCode = await finished;
  if (exitCode === 124) console.log(`timed out after ${timeoutMs / 1000} s`);
  await page.screenshot({ path: path.join(artifacts, 'exthost-end.png') }).catch(() => {});
} catch (e) {
  console.log(`extension-host layer failed to run: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  await browser?.close();
  await server?.stop();
}
if (exitCode === 0) fs.rmSync(workspace, { recursive: true, force: true });
else console.log(`workspace kept at ${workspace}; code-server logs under ${path.relative(ROOT, artifacts)}/state`);
if (!summary) summary = `${marks.passed} passed, ${Math.max(1, marks.failed)} failed`;
// A non-zero exit with a suite line claiming no failure (crash after the run) still counts as one failure.
if (exitCode !== 0 && / 0 failed$/.test(summary)) summary = summary.replace(/ 0 failed$/, ' 1 failed');
console.log(`extension host (code-server): exit ${exitCode} after ${secs()} s`);
console.log(summary);
process.exit(exitCode === 0 ? 0 : 1);
