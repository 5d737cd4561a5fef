// The real-world precision corpus of `npm run bench:realworld`: mature third-party code that installs on this
// machine, hard-linked (never copied into the repository) into <cache>/corpus/<lang>/<package>/<path>. Sources:
// the project's own node_modules, and Debian packages that ship their sources (Python dist-packages, Go
// golang-*-dev, Ruby ruby-*, PHP php-*, the JDK's src.zip). `--install` installs the Debian list first (root,
// after apt-get update); without it only what is present is used and the missing packages are named.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Mature, widely used libraries and frameworks; chosen for web, database, crypto and network code. */
export const DEBIAN_PACKAGES = {
  python: [
    'python3-django', 'python3-flask', 'python3-requests', 'python3-sqlalchemy', 'python3-jinja2', 'python3-werkzeug',
    'python3-tornado', 'python3-paramiko', 'python3-celery', 'python3-scrapy', 'python3-twisted', 'python3-aiohttp',
    'python3-pyramid', 'python3-bottle', 'python3-urllib3', 'python3-pymysql', 'python3-redis', 'python3-oauthlib',
    'python3-jwt', 'python3-ldap3', 'python3-markdown', 'python3-bleach',
  ],
  go: [
    'golang-github-gin-gonic-gin-dev', 'golang-github-gorilla-mux-dev', 'golang-golang-x-net-dev', 'golang-golang-x-crypto-dev',
    'golang-github-spf13-cobra-dev', 'golang-github-prometheus-client-golang-dev', 'golang-github-go-sql-driver-mysql-dev',
    'golang-github-lib-pq-dev', 'golang-github-minio-minio-go-v7-dev', 'golang-github-jackc-pgx-v4-dev', 'golang-gopkg-yaml.v3-dev',
    'golang-github-gorilla-websocket-dev', 'golang-github-golang-jwt-jwt-dev', 'golang-github-go-git-go-git-dev',
    'golang-github-docker-docker-dev',
  ],
  ruby: [
    'ruby-rack', 'ruby-activerecord', 'ruby-actionpack', 'ruby-activesupport', 'ruby-railties', 'ruby-actionview',
    'ruby-actionmailer', 'ruby-activejob', 'ruby-sinatra', 'ruby-devise', 'ruby-mail', 'ruby-rest-client', 'ruby-faraday',
    'ruby-sequel', 'ruby-thor', 'ruby-sidekiq', 'ruby-grape', 'ruby-omniauth', 'ruby-jwt', 'ruby-net-ldap',
  ],
  php: [
    'php-symfony', 'php-twig', 'php-monolog', 'php-doctrine-dbal', 'php-doctrine-orm', 'php-guzzlehttp-guzzle',
    'php-laravel-framework', 'php-phpseclib3', 'php-league-flysystem', 'php-league-commonmark', 'php-slim', 'composer',
  ],
  java: ['openjdk-17-source'],
};

/** Lines per language at most, so no single ecosystem dominates the per-10,000-line numbers (about 2M in all). */
export const LINE_CAPS = { python: 450_000, go: 400_000, ruby: 200_000, php: 350_000, java: 250_000, js: 250_000, ts: 100_000 };

/** Where a package's files sit below; the rest of the path is kept, so test folders stay test folders. */
const PREFIXES = [
  /^\/usr\/lib\/python3\/dist-packages\//,
  /^\/usr\/share\/gocode\/src\//,
  /^\/usr\/share\/rubygems-integration\/all\/gems\/[^/]+\//,
  /^\/usr\/lib\/ruby\/vendor_ruby\//,
  /^\/usr\/share\/php\//,
  /^\/usr\/share\/(?=composer\/)/,
];

/** Source files in the languages above, plus the configuration and templates that ship with them. */
const KEEP = /\.(py|go|rb|rake|gemspec|php|java|js|mjs|cjs|jsx|ts|mts|cts|tsx|ya?ml|toml|ini|cfg|properties|env|json|html|erb|twig)$/i;
const MAX_FILE = 1_000_000;

const LANG_OF_EXT = {
  '.py': 'python', '.go': 'go', '.rb': 'ruby', '.rake': 'ruby', '.gemspec': 'ruby', '.erb': 'ruby', '.php': 'php', '.twig': 'php',
  '.java': 'java', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'js', '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'ts',
};

export function cacheDir() {
  return process.env.VIGIL_REALWORLD_DIR ?? path.join(os.homedir(), '.cache', 'vigil-realworld');
}

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function isInstalled(pkg) {
  return /^install ok installed/.test(sh('dpkg-query', ['-W', '-f=${Status}', pkg]).stdout);
}

export function installPackages(log) {
  const all = Object.values(DEBIAN_PACKAGES).flat();
  const missing = all.filter((p) => !isInstalled(p));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error('--install needs root (apt-get install)');
  log(`apt-get update, then installing ${missing.length} packages`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  // One by one, so a package this release lacks does not stop the others.
  for (const p of missing) {
    const r = spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', p], { stdio: ['ignore', 'ignore', 'pipe'], env, encoding: 'utf8' });
    if (r.status !== 0) log(`could not install ${p}: ${(r.stderr ?? '').trim().split('\n').pop()}`);
  }
}

function relOf(file) {
  for (const re of PREFIXES) if (re.test(file)) return file.replace(re, '');
  // Documentation, examples and /usr/bin wrappers are not the library's code.
  return undefined;
}

function lineCount(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

/** Files of one installed Debian package: { abs, rel } below its source prefix. */
function debianFiles(pkg, stage) {
  const list = sh('dpkg-query', ['-L', pkg]).stdout.split('\n').filter(Boolean);
  const out = [];
  for (const abs of list) {
    if (abs.endsWith('/src.zip')) {
      // The JDK ships its sources as one zip: unpacked once into the cache, then read like any folder.
      const to = path.join(stage, pkg);
      if (!fs.existsSync(path.join(to, '.done'))) {
        fs.rmSync(to, { recursive: true, force: true });
        fs.mkdirSync(to, { recursive: true });
        const z = sh('python3', ['-m', 'zipfile', '-e', abs, to]);
        if (z.code !== 0) continue;
        fs.writeFileSync(path.join(to, '.done'), abs);
      }
      for (const f of walkDir(to)) out.push({ abs: f, rel: path.relative(to, f) });
      continue;
    }
    const rel = relOf(abs);
    if (rel !== undefined) out.push({ abs, rel });
  }
  return out;
}

function* walkDir(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walkDir(p);
    else if (e.isFile()) yield p;
  }
}

/** The project's own dependencies, each top-level (or scoped) package a source of its own. */
function npmSources(repo) {
  const nm = path.join(repo, 'node_modules');
  if (!fs.existsSync(nm)) return [];
  const out = [];
  for (const name of fs.readdirSync(nm).sort()) {
    if (name.startsWith('.')) continue;
    const dirs = name.startsWith('@') ? fs.readdirSync(path.join(nm, name)).map((n) => `${name}/${n}`) : [name];
    for (const d of dirs) {
      const root = path.join(nm, d);
      if (!fs.statSync(root).isDirectory()) continue;
      const files = [...walkDir(root)].map((abs) => ({ abs, rel: path.relative(root, abs) }));
      out.push({ name: `npm-${d.replace('/', '__')}`, files });
    }
  }
  return out;
}

function rank(s) {
  return createHash('sha1').update(s).digest().readUInt32BE(0);
}

/**
 * Builds (or reuses) the corpus. Returns the manifest: folder, packages used and missing, files and lines per
 * language. The selection is deterministic: within a language, files in a fixed pseudo-random order until its cap.
 */
export function ensureCorpus({ repo, log, rebuild = false }) {
  // The scan's own built-in excludes (vendor/, dist/, *.min.* ...): what they drop is neither linked nor counted.
  const { BUILTIN_EXCLUDES } = require(path.join(repo, 'server/lib/project/index.js'));
  const excluded = require('ignore')({ allowRelativePaths: true }).add([...BUILTIN_EXCLUDES]);
  const base = cacheDir();
  const dir = path.join(base, 'corpus');
  const manifestFile = path.join(base, 'manifest.json');
  const recipe = createHash('sha1').update(JSON.stringify({ DEBIAN_PACKAGES, LINE_CAPS, KEEP: KEEP.source, v: 1 })).digest('hex').slice(0, 12);
  const present = Object.values(DEBIAN_PACKAGES).flat().filter(isInstalled);
  if (!rebuild && fs.existsSync(manifestFile)) {
    const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (m.recipe === recipe && JSON.stringify(m.present) === JSON.stringify(present)) return m;
  }
  const missing = Object.values(DEBIAN_PACKAGES).flat().filter((p) => !present.includes(p));
  const sources = [...npmSources(repo)];
  const stage = path.join(base, 'stage');
  fs.mkdirSync(stage, { recursive: true });
  for (const pkg of present) sources.push({ name: pkg, files: debianFiles(pkg, stage) });

  const candidates = [];
  for (const s of sources) {
    for (const f of s.files) {
      if (!KEEP.test(f.rel) || /\.d\.[mc]?ts$/.test(f.rel) || excluded.ignores(f.rel)) continue;
      let st;
      try {
        st = fs.statSync(f.abs);
      } catch {
        continue;
      }
      if (!st.isFile() || st.size === 0 || st.size > MAX_FILE) continue;
      const rel = path.join(s.name, f.rel);
      const ext = path.extname(f.rel).toLowerCase();
      // Config and templates count with the package's language: its main code decides where the package sits.
      candidates.push({ abs: f.abs, source: s.name, rel, ext, size: st.size });
    }
  }
  const langOfSource = {};
  for (const s of sources) {
    const tally = {};
    for (const c of candidates) if (c.source === s.name && LANG_OF_EXT[c.ext]) tally[LANG_OF_EXT[c.ext]] = (tally[LANG_OF_EXT[c.ext]] ?? 0) + c.size;
    const best = Object.entries(tally).sort((a, b) => b[1] - a[1])[0];
    if (best) langOfSource[s.name] = best[0];
  }
  candidates.sort((a, b) => rank(a.rel) - rank(b.rel) || (a.rel < b.rel ? -1 : 1));
  fs.rmSync(dir, { recursive: true, force: true });
  const used = {};
  const byLang = {};
  const packages = new Set();
  for (const c of candidates) {
    const lang = langOfSource[c.source];
    if (!lang || !LINE_CAPS[lang]) continue;
    const lines = lineCount(fs.readFileSync(c.abs, 'latin1'));
    if ((used[lang] ?? 0) + lines > LINE_CAPS[lang]) continue;
    used[lang] = (used[lang] ?? 0) + lines;
    const to = path.join(dir, lang, c.rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    try {
      fs.linkSync(c.abs, to);
    } catch {
      fs.copyFileSync(c.abs, to);
    }
    const b = (byLang[lang] ??= { files: 0, lines: 0 });
    b.files++;
    b.lines += lines;
    packages.add(c.source);
  }
  const manifest = { recipe, dir, present, missing, packages: [...packages].sort(), byLang };
  fs.mkdirSync(base, { recursive: true });
  fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  log(`corpus: ${Object.values(byLang).reduce((n, l) => n + l.files, 0)} files in ${dir}`);
  return manifest;
}
