// Distribution (issue 21, point 7): the npm package is publishable under a name of its own, installs small with
// no runtime dependencies (the bundles carry them), and the pre-commit hook and the GitHub workflow run Vigil in
// a repository that installed nothing. The package is packed once, as `npm publish` would pack it (the prepack
// script builds the production bundles), and each consumer is then set up the way its tool does it.
import * as assert from 'assert';
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import YAML from 'yaml';
import { ROOT, tmpDir } from './cliHelpers';

const MAX_INSTALLED_MB = 20;
// An AWS access key id of the documented example shape, but not the documented example itself (that is skipped).
const SECRET_LINE = 'aws_access_key_id = "AKIAZ7QW3RT5YU2IOP4B"\n';

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
}
const manifest = (): Manifest => JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

/** PATH without any node_modules/.bin (npm test adds the repository's), so only what a step installs is found. */
function cleanPath(): string {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((p) => !p.includes(`node_modules${path.sep}.bin`))
    .join(path.delimiter);
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // prefer-offline: the npm cache answers for what it holds, so a machine without the registry still runs this.
    env: { ...process.env, PATH: cleanPath(), npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', ...env },
  });
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  assert.strictEqual(r.status, 0, `${what} exited ${r.status}:\n${r.stderr}\n${r.stdout}`.slice(0, 4000));
  return r.stdout;
}

let packed: string | undefined;
/** The tarball `npm pack` makes from this repository (its prepack script builds the production bundles). */
function tarball(): string {
  if (!packed) {
    const dest = tmpDir('vigil-pack-');
    ok(run('npm', ['pack', '--pack-destination', dest], ROOT), 'npm pack');
    const tgz = fs.readdirSync(dest).filter((f) => f.endsWith('.tgz'));
    assert.strictEqual(tgz.length, 1, `npm pack made ${tgz.join(', ')}`);
    packed = path.join(dest, tgz[0]!);
  }
  return packed;
}

function folderBytes(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) n += folderBytes(p);
    else if (e.isFile()) n += fs.statSync(p).size;
  }
  return n;
}

/** A git repository (not a Node project) with one staged file holding a secret. */
function repoWithStagedSecret(): string {
  const dir = tmpDir('vigil-consumer-');
  const git = (...args: string[]): string => ok(run('git', args, dir), `git ${args.join(' ')}`);
  git('init', '-q');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'dev');
  fs.writeFileSync(path.join(dir, 'settings.py'), SECRET_LINE);
  git('add', 'settings.py');
  return dir;
}

describe('distribution: the npm package', function () {
  this.timeout(900_000);

  it('is publishable under a scoped name (plain `vigil` is an unrelated package) and keeps the `vigil` bin', () => {
    const m = manifest();
    assert.notStrictEqual(m.private, true, 'package.json is private: npm publish refuses it');
    assert.match(m.name, /^@[a-z0-9-]+\/[a-z0-9-]+$/);
    assert.strictEqual(m.bin?.vigil, './server/out/cli.js');
  });

  it('packs only the bundles, grammars, rules and docs, and no runtime dependencies', () => {
    const files = ok(run('tar', ['tzf', tarball()], ROOT), 'tar').split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    const allowed = [
      /^package\.json$/, /^README\.md$/, /^LICENSE$/, /^client\/out\/extension\.js$/, /^server\/out\/[A-Za-z]+\.js$/,
      /^server\/out\/rules\.json$/, /^server\/out\/wasm\/[a-z-]+\.wasm$/, /^rules\/[a-z0-9-]+\.yaml$/, /^rules\/taint\/sources\.yaml$/, /^rules\/[a-z-]*schema\.json$/, /^rules\/security-severity\.json$/,
    ];
    assert.deepStrictEqual(files.filter((f) => !allowed.some((re) => re.test(f))), [], 'unexpected files in the tarball');
    for (const f of ['server/out/cli.js', 'server/out/scanWorker.js', 'server/out/recheck.js', 'server/out/rules.json', 'server/out/wasm/tree-sitter.wasm', 'rules/schema.json']) {
      assert.ok(files.includes(f), `the tarball misses ${f}`);
    }
    assert.deepStrictEqual(manifest().dependencies ?? {}, {}, 'the bundles carry every runtime dependency');
  });

  it(`installs under ${MAX_INSTALLED_MB} MB, and its bin scans and screens custom rules with nothing else installed`, () => {
    const prefix = tmpDir('vigil-install-');
    ok(run('npm', ['install', '--prefix', prefix, tarball()], prefix), 'npm install <tarball>');
    const modules = path.join(prefix, 'node_modules');
    const mb = folderBytes(modules) / 1024 / 1024;
    console.log(`      installed: ${mb.toFixed(1)} MB`);
    assert.ok(mb < MAX_INSTALLED_MB, `installed size ${mb.toFixed(1)} MB`);
    const bin = path.join(modules, '.bin', 'vigil');
    assert.strictEqual(ok(run(bin, ['--version'], prefix), 'vigil --version').trim(), manifest().version);
    const repo = repoWithStagedSecret();
    const scan = run(bin, ['scan', '--format', 'json'], repo);
    assert.strictEqual(scan.status, 1, scan.stderr);
    assert.ok((JSON.parse(scan.stdout) as { findings: { ruleId: string }[] }).findings.some((f) => f.ruleId === 'hardcoded-secret'));
    // A custom rule with a backtracking regex: the ReDoS checker (server/out/recheck.js) must load and refuse it.
    fs.mkdirSync(path.join(repo, 'team-rules'));
    fs.writeFileSync(path.join(repo, '.vigil.yaml'), 'rules: [team-rules]\n');
    fs.writeFileSync(
      path.join(repo, 'team-rules', 'nested.yaml'),
      "id: nested\ntitle: Nested\nseverity: warning\nconfidence: high\ncwe: [1]\nmessage: 'a custom finding'\ndocs: 'Long enough documentation text for the schema.'\npatterns:\n  - languages: [text]\n    regex: '^(a+)+$'\n",
    );
    const screened = run(bin, ['scan'], repo);
    assert.strictEqual(screened.status, 2, screened.stderr);
    assert.match(screened.stderr, /nested\.yaml:\d+: .*not linear-time \(exponential/);
  });
});

describe('distribution: the pre-commit hook and the GitHub workflow need no local install', function () {
  this.timeout(900_000);

  it('the pre-commit hook resolves its entry and blocks a staged secret in a repository that installed nothing', () => {
    const hooks = YAML.parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; pass_filenames?: boolean }[];
    const hook = hooks.find((h) => h.id === 'vigil');
    assert.ok(hook, 'no hook with id vigil');
    // `system`: pre-commit runs the entry as it is, split into words, with the PATH as it is. (`node` would make
    // pre-commit npm-pack this repository and read the tarball name from npm's output, which the prepack
    // build's banner spoils.)
    assert.strictEqual(hook.language, 'system');
    const { name, version } = manifest();
    const pinned = `${name}@${version}`;
    assert.ok(hook.entry.includes(pinned), `the hook should run the package of this release, ${pinned}: ${hook.entry}`);
    const repo = repoWithStagedSecret();
    // The same version, from the tarball just packed rather than from the registry.
    const [cmd, ...args] = hook.entry.split(/\s+/).map((w) => (w === pinned ? tarball() : w));
    const r = run(cmd!, [...args, ...(hook.pass_filenames === false ? [] : ['settings.py'])], repo);
    assert.strictEqual(r.status, 1, `the hook exited ${r.status}: ${r.stderr}`);
    assert.match(r.stdout, /settings\.py[\s\S]*hardcoded-secret/);
  });

  it('the GitHub workflow scans a checkout that is not a Node project and writes the SARIF', () => {
    const workflow = YAML.parse(fs.readFileSync(path.join(ROOT, 'docs', 'integrations', 'github-actions.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { run?: string; uses?: string }[] }>;
    };
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    const commands = steps.flatMap((s) => (s.run ? [s.run] : []));
    assert.ok(commands.some((c) => /\bvigil scan\b/.test(c)), `no vigil scan step: ${commands.join(' | ')}`);
    const repo = repoWithStagedSecret();
    const { name, version } = manifest();
    for (const command of commands) {
      // The workflow pins the published package; here the same version comes from the tarball just packed.
      const pinned = `${name}@${version}`;
      if (command.includes(name)) assert.ok(command.includes(pinned), `the workflow should pin ${pinned}: ${command}`);
      const local = command.split(pinned).join(tarball());
      ok(run('bash', ['-c', local], repo), `workflow step \`${command}\``);
    }
    const sarif = JSON.parse(fs.readFileSync(path.join(repo, 'vigil.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    assert.ok(sarif.runs[0]!.results.some((r) => r.ruleId === 'hardcoded-secret'), 'the SARIF has no finding');
  });
});
