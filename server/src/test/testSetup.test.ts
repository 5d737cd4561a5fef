// npm test sets up what it needs (issue 19): scripts/e2e/prepare.mjs decides from modification times whether
// the build and the .vsix are current, and a step that cannot run prints one message with the manual command.
// The module is ESM, so it is driven through a child node process.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, tmpDir } from './cliHelpers';

const PREPARE = path.join(ROOT, 'scripts', 'e2e', 'prepare.mjs');

/** Runs `body` (an async function body) with the module's exports in scope; returns what it prints. */
function withPrepare(body: string): { status: number | null; out: string } {
  const code = `import * as m from ${JSON.stringify(PREPARE)};\n${body}`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm test: setting up what it needs', () => {
  it('an output is stale when missing or older than its newest source, current otherwise', () => {
    const dir = tmpDir('vigil-stale-');
    fs.mkdirSync(path.join(dir, 'src', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src', 'deep', 'a.ts'), 'x');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, 'src', 'deep', 'a.ts'), old, old);
    const check = (): string => withPrepare(`console.log(m.stale(['out.js'], ['src', 'missing-source'], ${JSON.stringify(dir)}));`).out.trim();
    assert.strictEqual(check(), 'true', 'a missing output is stale');
    fs.writeFileSync(path.join(dir, 'out.js'), 'built');
    assert.strictEqual(check(), 'false', 'an output newer than every source is current');
    fs.writeFileSync(path.join(dir, 'src', 'deep', 'a.ts'), 'edited');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(dir, 'src', 'deep', 'a.ts'), later, later);
    assert.strictEqual(check(), 'true', 'a source edited after the build makes it stale');
  });

  it('a step that cannot run prints why and the command to run by hand, in place of a stack of failures', () => {
    const r = withPrepare(`
      const steps = {
        fine: { check: () => 'fine: already there', run: ['false', []], manual: 'never' },
        tools: { run: ['sh', ['-c', 'echo "npm error network unreachable" >&2; exit 3']], manual: 'bash scripts/e2e/setup-tools.sh' },
        after: { run: ['sh', ['-c', 'echo "after: installed"']], manual: 'x' },
      };
      console.log('failed=' + m.runSteps(['fine', 'tools', 'after'], steps).join(','));`);
    assert.strictEqual(r.status, 0, r.out);
    const lines = r.out.trim().split('\n');
    assert.strictEqual(lines[0], 'fine: already there', 'a step with nothing to do prints its check and runs nothing');
    assert.match(r.out, /tools: could not run \(exit 3\):\n\s+npm error network unreachable\n\s+to do it by hand: bash scripts\/e2e\/setup-tools\.sh/);
    assert.ok(lines.includes('after: installed'), 'the later steps still run');
    assert.strictEqual(lines.at(-1), 'failed=tools');
  });

  it('the editor layers name the steps they need, and each of those is a known step', () => {
    const r = withPrepare(`
      const { layers } = await import(${JSON.stringify(path.join(ROOT, 'scripts', 'e2e', 'layers.mjs'))});
      console.log(JSON.stringify({ steps: Object.keys(m.STEPS), needs: layers.map((l) => l.needs) }));`);
    const { steps, needs } = JSON.parse(r.out) as { steps: string[]; needs: string[][] };
    assert.deepStrictEqual(steps, ['build', 'system', 'tools', 'vsix']);
    assert.ok(needs.length >= 3 && needs.every((n) => n.length > 0 && n.every((s) => steps.includes(s))), JSON.stringify(needs));
    assert.ok(needs.some((n) => n.includes('vsix')), 'the GUI layer needs the .vsix');
  });

  it('install-system.sh without root names the missing packages and the apt-get command', () => {
    // `nobody` cannot install; a package name that exists nowhere is always missing. The script is copied to a
    // folder nobody can read (a clone's folders may be private to their owner).
    const dir = tmpDir('vigil-nobody-');
    fs.chmodSync(dir, 0o755);
    const script = path.join(dir, 'install-system.sh');
    fs.copyFileSync(path.join(ROOT, 'scripts', 'e2e', 'install-system.sh'), script);
    fs.chmodSync(script, 0o755);
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'bash', script], {
      encoding: 'utf8',
      env: { ...process.env, VIGIL_SYSTEM_PACKAGES: 'vigil-no-such-package' },
    });
    assert.strictEqual(r.status, 1, r.stderr);
    assert.match(r.stderr, /missing Debian packages: vigil-no-such-package \(run as root: apt-get install -y vigil-no-such-package\)/);
  });
});
