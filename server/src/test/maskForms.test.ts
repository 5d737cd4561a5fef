import * as assert from 'assert';
import { maskSecret } from '../engine';
import { vigil } from './cliHelpers';

// One secret, one mask: the message and the code frame of a finding must show the same masked form.
describe('one mask for a secret everywhere', () => {
  it('a quoted literal keeps its quotes and masks its content as the bare value is masked', () => {
    assert.strictEqual(maskSecret('"Pq3xY7mZ2wLy"'), `"${maskSecret('Pq3xY7mZ2wLy')}"`);
    assert.strictEqual(maskSecret("'AKIAIOSFODNN7EXAMPLEXYZ1'"), `'${maskSecret('AKIAIOSFODNN7EXAMPLEXYZ1')}'`);
    assert.strictEqual(maskSecret('`short`'), '`********`');
    assert.strictEqual(maskSecret('"'), '********', 'a lone quote is not a quoted value');
    assert.strictEqual(maskSecret('"abc\''), '********', 'mismatched quotes are masked whole');
  });

  it("the sample app's secret reads the same in the message and in the frame", () => {
    const out = vigil(['scan', 'examples/sample-app', '--no-ignore', '--fail-on', 'none']).stdout;
    const masks = new Set(out.match(/[A-Za-z0-9]{0,4}\*{8}[A-Za-z0-9]{0,2}/g) ?? []);
    assert.ok(masks.size > 0, out);
    assert.deepStrictEqual([...masks], [/\(([^)]*\*{8}[^)]*)\) is hardcoded/.exec(out)![1]], `one mask form:\n${out}`);
  });
});
