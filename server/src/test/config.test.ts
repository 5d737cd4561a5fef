import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE, analysisOptionsFromConfig, findConfigFile, loadConfig } from '../project/config';
import { tmpDir } from './cliHelpers';

function configIn(text: string, extraDirs: string[] = []): string {
  const dir = tmpDir('vigil-config-');
  for (const d of extraDirs) fs.mkdirSync(path.join(dir, d), { recursive: true });
  const file = path.join(dir, CONFIG_FILE);
  fs.writeFileSync(file, text);
  return file;
}

describe('config (.vigil.yaml)', () => {
  it('loads every field and resolves rule folders against the config folder', () => {
    const file = configIn(
      'disable: [weak-hash]\nseverity:\n  sql-injection: warning\nminimumConfidence: medium\nignore: ["legacy/**"]\nrules: [my-rules]\nmaxFileSize: 1000\n',
      ['my-rules'],
    );
    // A rule folder must hold rule files (an empty one is an error, see cliRuleFolders.test.ts).
    fs.writeFileSync(path.join(path.dirname(file), 'my-rules', 'r.yaml'), 'id: r\n');
    const { config, errors } = loadConfig(file);
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(config, {
      disable: ['weak-hash'],
      severity: { 'sql-injection': 'warning' },
      minimumConfidence: 'medium',
      ignore: ['legacy/**'],
      rules: [path.join(path.dirname(file), 'my-rules')],
      maxFileSize: 1000,
    });
    assert.deepStrictEqual(analysisOptionsFromConfig(config!), {
      disabledRules: ['weak-hash'],
      severityOverrides: { 'sql-injection': 'warning' },
      minimumConfidence: 'medium',
      maxFileSize: 1000,
    });
  });

  it('an empty file is the empty config; findConfigFile finds it', () => {
    const file = configIn('');
    assert.deepStrictEqual(loadConfig(file), { config: { disable: [], severity: {}, ignore: [], rules: [] }, errors: [] });
    assert.strictEqual(findConfigFile(path.dirname(file)), file);
    assert.strictEqual(findConfigFile(tmpDir()), undefined);
  });

  it('reports schema errors with the line of the offending value', () => {
    const { config, errors } = loadConfig(configIn('disable: []\nminimumConfidence: sometimes\nmaxFileSize: -3\n'));
    assert.strictEqual(config, undefined);
    assert.deepStrictEqual(
      errors.map((e) => [e.line, e.message]),
      [
        [2, 'minimumConfidence must be one of: high, medium, low'],
        [3, 'maxFileSize must be >= 1'],
      ],
    );
  });

  it('reports YAML syntax errors with a line', () => {
    const { errors } = loadConfig(configIn('disable:\n  - a\n bad: [\n'));
    assert.ok(errors.length > 0 && errors[0]!.line !== undefined && /^YAML:/.test(errors[0]!.message), JSON.stringify(errors));
  });

  it('refuses rule folders outside the repository or missing', () => {
    const { errors } = loadConfig(configIn('rules:\n  - ../elsewhere\n  - nope\n'));
    assert.deepStrictEqual(
      errors.map((e) => [e.line, e.message]),
      [
        [2, "rule folder '../elsewhere' is outside the repository"],
        [3, "rule folder 'nope' does not exist"],
      ],
    );
  });
});
