import * as assert from 'assert';
import * as path from 'path';
import { Engine, packageRoot } from '../engine';
import { checkFixture, fixtureFiles } from '../project/fixtureCheck';

// One test per fixture file; failures list every wrong line so a rule author sees them all at once.
const root = packageRoot();
const engine = Engine.create();
const fixturesRoot = path.join(root, 'test-fixtures');

describe('rule fixtures', () => {
  it('every rule file loads without errors', () => {
    assert.deepStrictEqual(engine.loadErrors, []);
  });

  for (const rule of engine.rules) {
    describe(rule.id, () => {
      const files = fixtureFiles(path.join(fixturesRoot, rule.id));
      it('has fixtures with vigil-expect and at least as many vigil-ok cases', async () => {
        assert.ok(files.length > 0, `no fixtures in test-fixtures/${rule.id}/`);
        let expect = 0;
        let ok = 0;
        for (const f of files) {
          const r = await checkFixture(engine, f, rule.id);
          expect += r.expectations.filter((e) => e.ruleId === rule.id && e.kind !== 'ok').length;
          ok += r.expectations.filter((e) => e.ruleId === rule.id && e.kind === 'ok').length;
        }
        assert.ok(expect > 0, 'no vigil-expect case');
        assert.ok(ok > 0, 'no vigil-ok case');
        assert.ok(ok >= expect, `fewer vigil-ok cases (${ok}) than vigil-expect cases (${expect})`);
      });
      for (const f of files) {
        it(path.relative(fixturesRoot, f), async () => {
          const r = await checkFixture(engine, f, rule.id);
          assert.ok(r.failures.length === 0, r.failures.join('\n'));
        });
      }
    });
  }
});
