// Test entry for the extension host: @vscode/test-electron and the code-server harness both `require` this
// module and call run(). It runs every suite/*.test.js with mocha and prints a closing `N passed, N failed`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 180_000, reporter: 'spec' });
  const grep = process.env.VIGIL_TEST_GREP;
  if (grep) mocha.grep(grep);
  const dir = path.join(__dirname, 'suite');
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      // The harness reads this line; a suite that ran nothing counts as a failure.
      console.log(`${passed} passed, ${failures} failed`);
      if (failures > 0 || passed === 0) reject(new Error(`${failures} in-editor test(s) failed`));
      else resolve();
    });
  });
}
