// Helpers checked at load (issue 18): a rule file that names an unknown helper, or passes an option its helper
// does not accept or of the wrong type, fails to load with the file and line, for custom and built-in rules
// alike, and `vigil test-rules` and the editor's output channel say so.
import * as assert from 'assert';
import * as path from 'path';
import { Engine, builtinRulesDir, formatLoadError, loadRuleFile, loadRules, type RuleLoadError } from '../engine';
import { FILTERS, FIX_HELPERS, HELPER_OPTIONS, PRODUCERS } from '../checks';
import { EngineStore } from '../lsp/engines';
import { tmpDir, vigil, writeFiles } from './cliHelpers';

const HEAD = `id: needs-timeout
title: Request without a timeout
severity: warning
confidence: high
cwe: [400]
message: "requests call without a timeout"
docs: |
  ## Why it is risky
  A call without a timeout can hang for ever.
patterns:
  - languages: [python]
    query: |
      (call
        function: (attribute object: (identifier) @mod attribute: (identifier) @method)
        arguments: (argument_list) @args
        (#eq? @mod "requests")) @finding
`;

/** The rule with its `where:` / `fixes:` text appended (each line of it below the pattern). */
function rule(tail: string): string {
  return HEAD + tail;
}

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `no line with ${needle}`);
  return i + 1;
}

function errorsOf(text: string): RuleLoadError[] {
  return loadRuleFile('/rules/needs-timeout.yaml', text).errors;
}

describe('helpers checked at load', () => {
  it('every registered helper declares its options, and the built-in rules pass the check', () => {
    const names = [...Object.keys(FILTERS), ...Object.keys(FIX_HELPERS), ...Object.keys(PRODUCERS)].sort();
    assert.deepStrictEqual(Object.keys(HELPER_OPTIONS).sort(), names);
    // `custom` skips the build-time cache, so every built-in file goes through the full check.
    const { rules, errors } = loadRules([builtinRulesDir()], { custom: true });
    assert.deepStrictEqual(errors.map(formatLoadError), []);
    assert.ok(rules.length > 10);
  });

  it('a misspelt filter helper is a load error on its line, with the likely name', () => {
    const text = rule(`    where:\n      - helper: hasKeywordArgumnet\n        capture: args\n        options: { name: timeout }\n`);
    const errors = errorsOf(text);
    assert.strictEqual(errors.length, 1, JSON.stringify(errors));
    assert.strictEqual(errors[0]!.line, lineOf(text, 'hasKeywordArgumnet'));
    assert.match(errors[0]!.message, /unknown filter helper 'hasKeywordArgumnet' \(did you mean 'hasKeywordArgument'\?\)/);
  });

  it('an unknown fix helper and an unknown producer are load errors too', () => {
    const fix = rule(`    fixes:\n      - title: Add a timeout\n        applicability: suggestion\n        helper: appendKeywordArg\n`);
    const [e] = errorsOf(fix);
    assert.strictEqual(e?.line, lineOf(fix, 'appendKeywordArg'));
    assert.match(e!.message, /unknown fix helper 'appendKeywordArg'/);
    const producer = HEAD.replace(/    query: \|[\s\S]*$/, '    producer: dockerfil\n    options: { check: root-user }\n');
    const [p] = errorsOf(producer);
    assert.strictEqual(p?.line, lineOf(producer, 'producer: dockerfil'));
    assert.match(p!.message, /unknown producer helper 'dockerfil' \(did you mean 'dockerfile'\?\)/);
  });

  it('an option the helper does not accept is an error on the option\'s line, listing what it takes', () => {
    const text = rule(`    where:\n      - helper: textMatches\n        capture: args\n        options:\n          pattern: timeout\n          caseSensitiv: true\n`);
    const errors = errorsOf(text);
    assert.strictEqual(errors.length, 1, JSON.stringify(errors));
    assert.strictEqual(errors[0]!.line, lineOf(text, 'caseSensitiv:'));
    assert.match(errors[0]!.message, /filter helper 'textMatches' has no option 'caseSensitiv' \(did you mean 'caseSensitive'\?\); it takes pattern, caseSensitive/);
  });

  it('an option of the wrong type is an error on its line', () => {
    const text = rule(`    where:\n      - helper: textMatches\n        options:\n          pattern: timeout\n          caseSensitive: "yes"\n      - helper: argumentCount\n        options: { min: [1] }\n`);
    const errors = errorsOf(text);
    assert.deepStrictEqual(
      errors.map((e) => [e.line, e.message]),
      [
        [lineOf(text, 'caseSensitive:'), '/patterns/0/where/0/options/caseSensitive must be boolean'],
        [lineOf(text, '{ min: [1] }'), '/patterns/0/where/1/options/min must be number'],
      ],
    );
  });

  it('a producer check that does not exist is refused at load, naming the checks there are', () => {
    const text = HEAD.replace(/    query: \|[\s\S]*$/, '    producer: dockerfile\n    options: { check: no-such-check }\n');
    const [e] = errorsOf(text);
    assert.strictEqual(e?.line, lineOf(text, 'no-such-check'));
    assert.match(e!.message, /\/patterns\/0\/options\/check must be one of: /);
  });

  it('options a helper accepts load', () => {
    const text = rule(`    where:\n      - helper: hasKeywordArgument\n        capture: args\n        negate: true\n        options: { name: timeout, values: [None] }\n`);
    assert.deepStrictEqual(errorsOf(text), []);
  });

  describe('through the engine, vigil test-rules and the editor', function () {
    this.timeout(120_000);
    const misspelt = rule(`    where:\n      - helper: hasKeywordArgumnet\n        capture: args\n        negate: true\n        options: { name: timeout }\n`);
    const line = lineOf(misspelt, 'hasKeywordArgumnet');

    function folder(): string {
      const dir = tmpDir('vigil-helpers-');
      writeFiles(dir, {
        'rules/needs-timeout.yaml': misspelt,
        'test-fixtures/needs-timeout/cases.py': '# vigil-expect: needs-timeout\nrequests.get(url)\n',
      });
      return dir;
    }

    it('Engine.create returns the error with file and line, and skips the rule', () => {
      const dir = folder();
      const engine = Engine.create({ customRuleDirs: [path.join(dir, 'rules')] });
      const file = path.join(dir, 'rules', 'needs-timeout.yaml');
      assert.deepStrictEqual(
        engine.loadErrors.map(formatLoadError),
        [`${file}:${line}: /patterns/0/where/0/helper: unknown filter helper 'hasKeywordArgumnet' (did you mean 'hasKeywordArgument'?)`],
      );
      assert.ok(!engine.rules.some((r) => r.id === 'needs-timeout'));
    });

    it('`vigil test-rules` fails with file:line', () => {
      const dir = folder();
      const r = vigil(['test-rules', dir]);
      assert.strictEqual(r.status, 1, r.stdout + r.stderr);
      const file = path.join(dir, 'rules', 'needs-timeout.yaml');
      assert.ok(r.stdout.includes(`FAIL ${file}:${line}: /patterns/0/where/0/helper: unknown filter helper 'hasKeywordArgumnet'`), r.stdout);
    });

    it("the editor's output channel logs it", () => {
      const dir = folder();
      const logged: string[] = [];
      new EngineStore(true, (m) => logged.push(m)).engineFor({ enable: true, run: 'onType', trace: 'off', customRuleDirs: [path.join(dir, 'rules')] });
      const file = path.join(dir, 'rules', 'needs-timeout.yaml');
      assert.ok(logged.includes(`rule file problem: ${file}:${line}: /patterns/0/where/0/helper: unknown filter helper 'hasKeywordArgumnet' (did you mean 'hasKeywordArgument'?)`), logged.join('\n'));
    });
  });
});
