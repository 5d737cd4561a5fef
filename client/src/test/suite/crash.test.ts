import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { activateVigil, openScratch, waitForRule } from './helpers';

/** The language servers this extension host started (vscode-languageclient passes --clientProcessId). */
function serverPids(): number[] {
  const marker = `--clientProcessId=${process.pid}`;
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes('server.js') && l.includes(marker))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

describe('server crash', () => {
  before(async () => {
    await activateVigil();
  });

  it('restarts a killed server, and diagnostics keep coming', async () => {
    const before = serverPids();
    assert.equal(before.length, 1, `expected one server process of this extension host, found ${before.length}`);
    process.kill(before[0]!, 'SIGKILL');
    const editor = await openScratch('after_crash.py', 'import hashlib\n\nh = hashlib.md5(b"x")\n');
    await waitForRule(editor.document.uri, 'weak-hash');
    const after = serverPids();
    assert.equal(after.length, 1);
    assert.notEqual(after[0], before[0]);
  });
});
