// Builds the scan corpus in .bench/corpus from real third-party code that installs here: npm packages
// (npm pack), Debian packages (apt-get download + dpkg -x, no install) and the Python standard library
// already on disk. Files are sorted into one folder per language (full/<lang>/<source>/<path>) so each peer
// can be pointed at exactly its subset, and 25 % / 50 % subsets are hard-linked for the scaling rows.
// Idempotent: a finished corpus is reused unless its recipe changed.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { CORPUS, listFiles, log, sh } from './lib.mjs';

/** Pinned so two runs scan the same bytes. Chosen for many mid-sized hand-written source files. */
const NPM_PACKAGES = [
  'typescript@5.9.3', 'three@0.170.0', 'echarts@5.6.0', 'rxjs@7.8.2', 'date-fns@4.1.0', 'lodash@4.17.21',
  'webpack@5.97.1', 'prettier@3.4.2', 'vue@3.5.13', 'moment@2.30.1', 'core-js@3.40.0', 'monaco-editor@0.52.2',
  'aws-sdk@2.1692.0', 'pdfjs-dist@4.10.38', '@angular/core@19.1.0', 'antd@5.23.0',
];

/** Debian packages whose payload is source: Go's and the JDK's own sources, Rails, PHP applications, Django. */
const DEBIAN_PACKAGES = [
  'golang-1.19-src', 'openjdk-17-source', 'libruby3.1', 'ruby-activerecord', 'ruby-actionpack', 'ruby-actionview',
  'ruby-activesupport', 'ruby-railties', 'ruby-rack', 'phpmyadmin', 'roundcube-core', 'php-doctrine-orm', 'php-phpseclib3',
  'python3-django',
];

const LANG_OF_EXT = {
  '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'js',
  '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'ts',
  '.py': 'python', '.go': 'go', '.java': 'java', '.rb': 'ruby', '.rake': 'ruby', '.php': 'php',
  '.yaml': 'config', '.yml': 'config', '.json': 'config', '.properties': 'config', '.toml': 'config', '.ini': 'config', '.env': 'config',
};

/** Byte budget per language so no single source dominates; the total is about 150 MB. */
const CAP_MB = { js: 45, ts: 15, python: 25, go: 25, java: 20, ruby: 8, php: 12, config: 5 };

/**
 * Vigil skips these folders and files by default (walk.ts BUILTIN_EXCLUDES); leaving them out of the corpus
 * makes "bytes in the corpus" equal "bytes scanned", so MB/s means the same thing for every tool.
 */
const SKIP_DIRS = new Set(['node_modules', 'vendor', 'third_party', 'third-party', 'dist', 'build', 'out', 'target', 'coverage', '__pycache__', '.git', 'bower_components']);
const SKIP_FILE = /\.min\.|\.map$|(^|\/)(package-lock\.json|yarn\.lock|composer\.lock|go\.sum)$/;
/** Generated bundles over this are not what people edit, and they exceed vigil.maxFileSize (2 MB). */
const MAX_FILE = 1_000_000;

const RECIPE = createHash('sha1').update(JSON.stringify({ NPM_PACKAGES, DEBIAN_PACKAGES, CAP_MB, MAX_FILE, v: 1 })).digest('hex').slice(0, 12);

const STAGE = path.join(CORPUS, 'stage');
const DL = path.join(CORPUS, 'download');

function stageNpm(spec) {
  const name = spec.slice(0, spec.lastIndexOf('@')).replace('/', '__');
  const dest = path.join(STAGE, `npm-${name}`);
  if (fs.existsSync(path.join(dest, '.done'))) return dest;
  fs.mkdirSync(DL, { recursive: true });
  const r = sh(`npm pack ${spec} --silent --pack-destination "${DL}"`, { cwd: DL });
  const tgz = r.stdout.trim().split('\n').pop();
  if (r.code !== 0 || !tgz) {
    log(`corpus: npm pack ${spec} failed; skipped (${r.stderr.trim().split('\n').pop()})`);
    return undefined;
  }
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  sh(`tar -xzf "${path.join(DL, tgz)}" -C "${dest}" --strip-components=1`);
  fs.writeFileSync(path.join(dest, '.done'), spec);
  return dest;
}

function stageDebian(pkg) {
  const dest = path.join(STAGE, `deb-${pkg}`);
  if (fs.existsSync(path.join(dest, '.done'))) return dest;
  fs.mkdirSync(DL, { recursive: true });
  const r = sh(`apt-get download -q ${pkg} 2>&1 && ls -t ${pkg}_*.deb | head -1`, { cwd: DL });
  const deb = r.stdout.trim().split('\n').pop();
  if (r.code !== 0 || !deb?.endsWith('.deb')) {
    log(`corpus: apt-get download ${pkg} failed; skipped (${r.stdout.trim().split('\n').slice(-2).join(' ')})`);
    return undefined;
  }
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  sh(`dpkg -x "${path.join(DL, deb)}" "${dest}"`);
  // The JDK ships its sources as one zip; unpack it next to itself.
  for (const f of listFiles(dest).filter((f) => f.abs.endsWith('src.zip'))) {
    const to = path.join(path.dirname(f.abs), 'src');
    const z = sh(`unzip -q -o "${f.abs}" -d "${to}" || python3 -m zipfile -e "${f.abs}" "${to}"`);
    if (z.code !== 0) log(`corpus: could not unzip ${path.basename(f.abs)}`);
    fs.rmSync(f.abs);
  }
  fs.writeFileSync(path.join(dest, '.done'), deb);
  return dest;
}

function stagePythonStdlib() {
  const dirs = fs.existsSync('/usr/lib') ? fs.readdirSync('/usr/lib').filter((d) => /^python3\.\d+$/.test(d)).sort() : [];
  if (dirs.length === 0) {
    log('corpus: no Python standard library under /usr/lib; Python subset comes from Debian packages only');
    return undefined;
  }
  return path.join('/usr/lib', dirs[dirs.length - 1]);
}

function rankOf(rel) {
  return createHash('sha1').update(rel).digest().readUInt32BE(0);
}

/** Sorts staged files into full/<lang>/<source>/..., honouring the per-language caps deterministically. */
function assemble(sources) {
  const full = path.join(CORPUS, 'full');
  fs.rmSync(full, { recursive: true, force: true });
  const picked = [];
  const candidates = [];
  for (const { name, dir } of sources) {
    for (const f of listFiles(dir)) {
      const rel = path.relative(dir, f.abs);
      const parts = rel.split(path.sep);
      if (parts.slice(0, -1).some((p) => SKIP_DIRS.has(p)) || SKIP_FILE.test(rel) || f.size === 0 || f.size > MAX_FILE) continue;
      const lang = LANG_OF_EXT[path.extname(rel).toLowerCase()];
      if (!lang) continue;
      candidates.push({ ...f, lang, rel: path.join(lang, name, rel) });
    }
  }
  // Pseudo-random but fixed order, so a cap takes a spread of every source rather than the first alphabetically.
  candidates.sort((a, b) => rankOf(a.rel) - rankOf(b.rel) || (a.rel < b.rel ? -1 : 1));
  const used = {};
  for (const c of candidates) {
    const cap = CAP_MB[c.lang] * 1024 * 1024;
    if ((used[c.lang] ?? 0) + c.size > cap) continue;
    used[c.lang] = (used[c.lang] ?? 0) + c.size;
    picked.push(c);
  }
  for (const p of picked) {
    const to = path.join(full, p.rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    try {
      fs.linkSync(p.abs, to);
    } catch {
      fs.copyFileSync(p.abs, to);
    }
  }
  return picked;
}

/** 25 % and 50 % subsets by a hash of the path: the 25 % set is inside the 50 % set, both spread over every language. */
function subsets(picked) {
  const out = {};
  for (const pct of [25, 50]) {
    const dir = path.join(CORPUS, `p${pct}`);
    fs.rmSync(dir, { recursive: true, force: true });
    const keep = picked.filter((p) => rankOf(`subset:${p.rel}`) % 100 < pct);
    for (const p of keep) {
      const to = path.join(dir, p.rel);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.linkSync(path.join(CORPUS, 'full', p.rel), to);
    }
    out[`p${pct}`] = stats(keep);
  }
  out.p100 = stats(picked);
  return out;
}

function stats(files) {
  const byLang = {};
  for (const f of files) {
    const l = (byLang[f.lang] ??= { files: 0, bytes: 0 });
    l.files++;
    l.bytes += f.size;
  }
  return { files: files.length, bytes: files.reduce((a, f) => a + f.size, 0), byLang };
}

/** Returns the manifest: folders and sizes of p25, p50, p100 (= full). */
export function ensureCorpus({ offline = false } = {}) {
  const manifestFile = path.join(CORPUS, 'manifest.json');
  if (fs.existsSync(manifestFile)) {
    const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (m.recipe === RECIPE) return m;
  }
  if (offline) throw new Error('corpus missing and --offline given; run `node bench/corpus.mjs` first');
  fs.mkdirSync(STAGE, { recursive: true });
  const sources = [];
  for (const spec of NPM_PACKAGES) {
    log(`corpus: npm ${spec}`);
    const dir = stageNpm(spec);
    if (dir) sources.push({ name: path.basename(dir), dir });
  }
  for (const pkg of DEBIAN_PACKAGES) {
    log(`corpus: deb ${pkg}`);
    const dir = stageDebian(pkg);
    if (dir) sources.push({ name: path.basename(dir), dir });
  }
  const py = stagePythonStdlib();
  if (py) sources.push({ name: path.basename(py), dir: py });
  log('corpus: assembling');
  const picked = assemble(sources);
  const sizes = subsets(picked);
  const manifest = {
    recipe: RECIPE,
    sources: sources.map((s) => s.name),
    dirs: { p25: path.join(CORPUS, 'p25'), p50: path.join(CORPUS, 'p50'), p100: path.join(CORPUS, 'full') },
    sizes,
  };
  fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = ensureCorpus();
  for (const [k, v] of Object.entries(m.sizes)) log(`corpus ${k}: ${v.files} files, ${(v.bytes / 1048576).toFixed(1)} MB`);
  log(`by language (full): ${Object.entries(m.sizes.p100.byLang).map(([l, v]) => `${l} ${(v.bytes / 1048576).toFixed(1)} MB`).join(', ')}`);
}
