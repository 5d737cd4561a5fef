#!/usr/bin/env node
// The security report in a real browser: `vigil report` on a small git repository (three dated commits, so the
// trend and the time to fix have something to show), opened from disk in headless Debian Chromium. Checks: no
// request leaves the file (the CSP and the page allow none), no console error (a CSP violation is one), the charts'
// bars add up to the numbers of `vigil scan --format json` on the same files, and a table sorts on click.
// Saves a screenshot to .e2e-artifacts/report/. Prints `N passed, N failed` last.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, artifactDir, launchBrowser } from './paths.mjs';

const CLI = path.join(ROOT, 'server', 'out', 'cli.js');
const t0 = Date.now();
let passed = 0;
let failed = 0;

function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
}

function run(cmd, args, cwd, env = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 && !(cmd === process.execPath && r.status === 1)) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function commit(repo, date, msg) {
  run('git', ['add', '-A'], repo);
  run('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', 'commit', '-qm', msg], repo, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
}

/** The sample app, committed in three steps: a planted secret arrives in the second and is removed in the third. */
function repository() {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-report-repo-'));
  fs.cpSync(path.join(ROOT, 'examples', 'sample-app'), path.join(repo, 'app'), { recursive: true });
  run('git', ['init', '-q'], repo);
  commit(repo, '2026-01-05T09:00:00Z', 'sample app');
  fs.mkdirSync(path.join(repo, 'tools'));
  fs.writeFileSync(path.join(repo, 'tools', 'hash.py'), 'import hashlib\n\ndef digest(b):\n    return hashlib.md5(b).hexdigest()\n');
  commit(repo, '2026-01-12T09:00:00Z', 'add a tool');
  fs.writeFileSync(path.join(repo, 'tools', 'hash.py'), 'import hashlib\n\ndef digest(b):\n    return hashlib.sha256(b).hexdigest()\n');
  commit(repo, '2026-01-20T09:00:00Z', 'fix the tool');
  return repo;
}

const out = artifactDir('report');
let browser;
try {
  if (!fs.existsSync(CLI)) throw new Error('server/out/cli.js is missing: run npm run build');
  const repo = repository();
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-report-cwd-'));
  const file = path.join(out, 'report.html');
  run(process.execPath, [CLI, 'report', repo, '--no-ignore', '--output', file], elsewhere);
  const scan = JSON.parse(run(process.execPath, [CLI, 'scan', repo, '--no-ignore', '--format', 'json', '--include-suppressed', '--fail-on', 'none'], elsewhere));
  const open = scan.findings.filter((f) => !f.suppression);

  browser = await launchBrowser();
  const { page } = browser;
  const external = [];
  const errors = [];
  page.context().on('request', (req) => {
    if (!req.url().startsWith('file:')) external.push(req.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('svg[data-chart="bySeverity"]');
  check('no network requests', external.length === 0, external.join(', '));

  const charts = await page.$$eval('svg[data-chart][data-total]', (svgs) =>
    svgs.map((s) => ({
      name: s.dataset.chart,
      total: Number(s.dataset.total),
      bars: [...s.querySelectorAll('g.bar')].map((g) => ({ key: g.dataset.key, value: Number(g.dataset.value) })),
    })),
  );
  const chart = (n) => charts.find((c) => c.name === n);
  check('every chart adds up to its total', charts.length >= 7 && charts.every((c) => c.bars.reduce((a, b) => a + b.value, 0) === c.total), JSON.stringify(charts.map((c) => [c.name, c.total])));
  check('severity chart = open findings of the JSON scan', chart('bySeverity').total === open.length, `${chart('bySeverity').total} vs ${open.length}`);
  for (const sev of ['error', 'warning', 'info']) {
    const want = open.filter((f) => f.severity === sev).length;
    const got = chart('bySeverity').bars.find((b) => b.key === sev)?.value;
    check(`severity ${sev}: ${want}`, got === want, `chart says ${got}`);
  }
  const rules = {};
  for (const f of open) rules[f.ruleId] = (rules[f.ruleId] ?? 0) + 1;
  const byRule = Object.fromEntries(chart('byRule').bars.map((b) => [b.key, b.value]));
  check('rule chart = JSON scan per rule', JSON.stringify(Object.entries(byRule).sort()) === JSON.stringify(Object.entries(rules).sort()), `${JSON.stringify(byRule)} vs ${JSON.stringify(rules)}`);
  check('folder chart total = open findings', chart('byFolder').total === open.length);
  const mttr = await page.$eval('.mttr', (p) => ({ days: p.dataset.mttrDays, fixed: Number(p.dataset.fixed) }));
  check('time to fix: the md5 finding removed after 8 days', mttr.fixed >= 1 && Number(mttr.days) === 8, JSON.stringify(mttr));
  const trend = await page.$$eval('svg[data-chart="trend"] g.column', (cols) => cols.map((c) => Number(c.dataset.value)));
  check('trend: one column per commit', trend.length === 3 && trend[1] === trend[0] + 1 && trend[2] === trend[0], JSON.stringify(trend));

  const firstRule = async () => page.$eval('table[data-table="byRule"] tbody tr td', (td) => td.textContent);
  const before = await firstRule();
  await page.click('table[data-table="byRule"] th[data-col="0"]');
  const asc = await firstRule();
  await page.click('table[data-table="byRule"] th[data-col="0"]');
  const desc = await firstRule();
  const keys = Object.keys(byRule).filter((k) => !k.startsWith('other')).sort();
  check('tables sort on click', asc === keys[0] && desc === keys[keys.length - 1], `${before} -> ${asc} -> ${desc}`);
  await page.screenshot({ path: path.join(out, 'report.png'), fullPage: true });
  check('no console errors', errors.length === 0, errors.join(' | '));
  fs.rmSync(repo, { recursive: true, force: true });
} catch (e) {
  check('report layer ran', false, e?.stack ?? String(e));
} finally {
  await browser?.close();
}
console.log(`report: ${((Date.now() - t0) / 1000).toFixed(1)} s; artifacts in ${path.relative(ROOT, out)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
