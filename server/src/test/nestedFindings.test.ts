import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Engine, packageRoot, type Finding } from '../engine';
import { fixtureFiles, fixtureLanguage } from '../project/fixtureCheck';

// One flaw, one finding: two patterns of a rule must not both report the same sink, one inside the other (a
// search(filter:) and the Filter.construct in it; Runtime.exec and the shell array it is given). The fixture
// annotations cannot say this (an expectation is met by any finding on its line), so it is checked here.

/** Inner findings that name a different weakness at the same place, by rule and message start. */
const DISTINCT = [{ rule: 'nosql-injection', message: /^\$regex takes/ }];

const inside = (a: Finding, b: Finding): boolean => {
  const before = (x: Finding['range']['start'], y: Finding['range']['start']): boolean => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(b.range.start, a.range.start) && before(a.range.end, b.range.end);
};

describe('nested findings', () => {
  it('no fixture line gets a finding of a rule inside another finding of the same rule', async () => {
    const engine = Engine.create();
    const root = path.join(packageRoot(), 'test-fixtures');
    const nested: string[] = [];
    for (const file of fs.readdirSync(root).flatMap((d) => fixtureFiles(path.join(root, d)))) {
      if (/\.fixed\./.test(file)) continue;
      const r = await engine.analyze({ path: path.relative(root, file), languageId: fixtureLanguage(file), text: fs.readFileSync(file, 'utf8') });
      for (const a of r.findings) {
        for (const b of r.findings) {
          if (a === b || a.ruleId !== b.ruleId || !inside(a, b)) continue;
          if (DISTINCT.some((d) => d.rule === a.ruleId && d.message.test(a.message))) continue;
          nested.push(`${path.relative(root, file)}:${a.range.start.line + 1} ${a.ruleId}`);
        }
      }
    }
    assert.deepStrictEqual(nested, []);
  });
});
