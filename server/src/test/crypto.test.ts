import * as assert from 'assert';
import { IMPORTS, importEdit } from '../checks/shared/cryptoImports';
import { Engine } from '../engine';
import { snakeCase } from '../engine/match/semantic';

// Unit tests of the crypto-rule helpers; the rules themselves are tested by their fixtures.

describe('crypto helpers', () => {
  it('insecure-random recognises secret names in any case style and leaves their attributes alone', () => {
    const rule = Engine.create().rule('insecure-random');
    const into = rule?.patterns.flatMap((p) => (p.kind === 'semantic' && p.into ? [p.into] : []))[0];
    assert.ok(into, 'an into pattern');
    const name = new RegExp(into.name);
    const except = new RegExp(into.except ?? '$^');
    const secret = (n: string): boolean => name.test(snakeCase(n)) && !except.test(snakeCase(n));
    for (const n of ['resetToken', 'RESET_TOKEN', 'XCSRFToken', 'session_id', 'apiKey', 'otp', 'generatePassword', 'csrf_token', 'verificationCode', 'salt', '$password']) {
      assert.ok(secret(n), n);
    }
    for (const n of ['tokenLength', 'cacheKey', 'userId', 'zipCode', 'saltRounds', 'tokenize', 'retryDelayMs', 'sessionTimeout', 'key']) {
      assert.ok(!secret(n), n);
    }
  });

  it('adds an import once, after the existing ones', () => {
    const py = 'import os\nimport random\n\nx = 1\n';
    const e = importEdit(py, IMPORTS['pythonSecrets']!);
    assert.deepStrictEqual(e, { start: 'import os\nimport random'.length, end: 'import os\nimport random'.length, text: '\nimport secrets' });
    assert.strictEqual(importEdit('import secrets\n', IMPORTS['pythonSecrets']!), null);
    const java = 'package a;\n\nclass A {}\n';
    assert.strictEqual(importEdit(java, IMPORTS['javaSecureRandom']!)?.start, 'package a;'.length);
    assert.strictEqual(importEdit('#!/usr/bin/env python3\nx = 1\n', IMPORTS['pythonSecrets']!)?.start, '#!/usr/bin/env python3\n'.length);
  });
});
