import * as assert from 'node:assert/strict';
import { CrashPolicy } from '../../crashPolicy';

describe('crash policy', () => {
  it('restarts a crashed server and tells the user only the first time', () => {
    const p = new CrashPolicy(5, 180_000);
    assert.deepEqual(p.onCrash(0), { restart: true, notify: true, crashesInWindow: 1 });
    assert.deepEqual(p.onCrash(1_000), { restart: true, notify: false, crashesInWindow: 2 });
  });

  it('gives up after a burst of crashes instead of looping', () => {
    const p = new CrashPolicy(3, 180_000);
    p.onCrash(0);
    p.onCrash(10);
    assert.deepEqual(p.onCrash(20), { restart: false, notify: true, crashesInWindow: 3 });
  });

  it('forgets crashes older than the window, and a manual restart starts afresh', () => {
    const p = new CrashPolicy(2, 1_000);
    p.onCrash(0);
    assert.equal(p.onCrash(5_000).restart, true);
    p.reset();
    assert.equal(p.onCrash(5_001).notify, true);
  });
});
