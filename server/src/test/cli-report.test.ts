// The CLI's report as a CI integrator meets it: nothing named on the command line disappears without a reason,
// a reader that stops early does not turn a clean run into a crash, and the JSON counts mean what they say.
import * as assert from 'assert';
import { spawn } from 'child_process';
import { CLI, demoRepo } from './cliHelpers';

/** Runs the CLI with a stdout pipe that the parent closes after the first chunk, as `| head -1` does. */
function runClosingEarly(args: string[], cwd: string): Promise<{ code: number | null; stderr: string; got: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let got = 0;
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', (d: Buffer) => {
      got = d.length;
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, got }));
  });
}

describe('cli: a closed stdout', () => {
  // Far more than a pipe's buffer, so the CLI is still writing when the reader goes away.
  const many = Array.from({ length: 2000 }, (_, i) => `DEMO_TOKEN_${i}`).join('\n');
  it('ends the run quietly with the normal exit code (--fail-on none: 0, --fail-on warning: 1), every time', async function () {
    this.timeout(120000);
    const dir = demoRepo({ 'many.txt': `${many}\n` });
    for (let i = 0; i < 4; i++) {
      const r = await runClosingEarly(['scan', '--fail-on', 'none'], dir);
      assert.ok(r.got > 0, 'some output arrived before the pipe closed');
      assert.strictEqual(r.stderr, '', `nothing on stderr, got: ${r.stderr.slice(0, 300)}`);
      assert.strictEqual(r.code, 0, `try ${i}: exit ${r.code}`);
    }
    const failing = await runClosingEarly(['scan', '--format', 'json', '--fail-on', 'warning'], dir);
    assert.strictEqual(failing.stderr, '');
    assert.strictEqual(failing.code, 1, 'findings at --fail-on still fail the run');
  });
});
