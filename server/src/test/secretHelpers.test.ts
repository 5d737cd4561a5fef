import * as assert from 'assert';
import { createHash } from 'crypto';
import { addKnownExampleHash, isPlaceholder, isPlaceholderToken, rejectValue, shannonEntropy } from '../checks/hardcoded-secret/value';
import { envVarName, nameWords, secretKindOfName } from '../checks/hardcoded-secret/name';

// Unit tests of the hardcoded-secret helpers: name classification, value judgement, environment variable names.
// Values here are fake; assertion messages name the case, never print a value that looks like a secret.

describe('hardcoded-secret: names', () => {
  it('splits camelCase, snake_case, kebab-case, dotted names and strips sigils', () => {
    assert.deepStrictEqual(nameWords('dbPassword'), ['db', 'password']);
    assert.deepStrictEqual(nameWords('DB_PASSWORD'), ['db', 'password']);
    assert.deepStrictEqual(nameWords('"x-api-key"'), ['x', 'api', 'key']);
    assert.deepStrictEqual(nameWords('spring.datasource.password'), ['spring', 'datasource', 'password']);
    assert.deepStrictEqual(nameWords('$smtpPassword'), ['smtp', 'password']);
    assert.deepStrictEqual(nameWords('@api_key'), ['api', 'key']);
    assert.deepStrictEqual(nameWords(':secret'), ['secret']);
    assert.deepStrictEqual(nameWords('APIKey'), ['api', 'key']);
  });

  it('recognises secret-like names', () => {
    for (const n of ['password', 'db_pass', 'DB_PASSWD', 'userPwd', 'passphrase']) assert.strictEqual(secretKindOfName(n), 'password', n);
    for (const n of ['apiKey', 'API_KEY', 'apikey', 'client_secret', 'accessToken', 'x-api-key', 'privateKey', 'secret_key', 'Authorization', 'credentials', 'auth_token', 'signingKey']) {
      assert.strictEqual(secretKindOfName(n), 'key', n);
    }
  });

  it('ignores names that describe a secret without holding one', () => {
    for (const n of ['password_field', 'tokenUrl', 'secretName', 'public_key', 'publicKey', 'next_page_token', 'csrf_token', 'key', 'cacheKey', 'sortKey', 'passenger', 'bypass', 'keyboard', 'password_hash', 'token_type', 'auth_method', 'PASSWORD_ENV_VAR', 'apiKeyHeader', 'monkey', 'compass']) {
      assert.strictEqual(secretKindOfName(n), undefined, n);
    }
  });

  it('builds UPPER_SNAKE environment variable names', () => {
    assert.strictEqual(envVarName('dbPassword'), 'DB_PASSWORD');
    assert.strictEqual(envVarName('DB_PASSWORD'), 'DB_PASSWORD');
    assert.strictEqual(envVarName('"x-api-key"'), 'X_API_KEY');
    assert.strictEqual(envVarName('setPassword'), 'PASSWORD');
    assert.strictEqual(envVarName('@client_secret'), 'CLIENT_SECRET');
    assert.strictEqual(envVarName('mail.smtp.password'), 'MAIL_SMTP_PASSWORD');
    // PWD is the shell's working directory: never read a password from it.
    assert.strictEqual(envVarName('pwd'), 'PASSWORD');
    assert.strictEqual(envVarName('path'), 'PATH_SECRET');
  });
});

describe('hardcoded-secret: values', () => {
  it('computes Shannon entropy', () => {
    assert.strictEqual(shannonEntropy(''), 0);
    assert.strictEqual(shannonEntropy('aaaa'), 0);
    assert.strictEqual(shannonEntropy('abcd'), 2);
    assert.ok(shannonEntropy('c2b9f1e07d3a4c58b6e1f0a9d2c7e4b3') > 3.5);
  });

  it('treats placeholders, templates and references as placeholders', () => {
    const cases = ['changeme', 'change-me', 'xxx', 'xxxxxxxx', '<password>', '${DB_PASSWORD}', '{{ token }}', '%(pw)s', '#{secret}', '$DB_PASSWORD',
      'your-api-key-here', 'YOUR_TOKEN', 'password', 'Password1', 'secret', '********', 'aaaaaaaaaaaa', 'ENC(abcdef)', 'vault:secret/data/db',
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:db', 'AKIAIOSFODNN7EXAMPLE', 'dummy-key', 'test-password', 'sample_value', '...'];
    for (const c of cases) assert.ok(isPlaceholder(c), `placeholder case ${cases.indexOf(c)}`);
    for (const c of ['Qx7-vigil-Fixture-92kLm', 'c2b9f1e07d3a4c58b6e1f0a9d2c7e4b3', 'Zr4!vigil_fixture_T9qW']) assert.ok(!isPlaceholder(c), `real-looking case ${c.length}`);
  });

  it('accepts human passwords but demands random-looking keys', () => {
    assert.strictEqual(rejectValue('Zr4!vigil_T9', 'password'), undefined);
    assert.strictEqual(rejectValue('hunter22', 'password'), undefined);
    assert.strictEqual(rejectValue('Zr4!vigil_T9', 'key'), undefined);
    assert.strictEqual(rejectValue('Zq!2x', 'password'), 'too short');
    assert.strictEqual(rejectValue('a1b2c3', 'key'), 'too short');
    assert.strictEqual(rejectValue('Please enter your password', 'password'), 'prose');
    assert.strictEqual(rejectValue('Authorization', 'key'), 'plain word');
    assert.strictEqual(rejectValue('https://auth.vigil.invalid/token', 'key'), 'url or path');
    assert.strictEqual(rejectValue('/run/secrets/db_password', 'password'), 'url or path');
    assert.strictEqual(rejectValue('DB_PASSWORD', 'password'), 'environment variable name');
    assert.strictEqual(rejectValue('spring.datasource.password', 'password'), 'dotted reference');
    assert.strictEqual(rejectValue('123456', 'password'), 'number');
    assert.strictEqual(rejectValue('ops@vigil.invalid', 'password'), 'email address');
    assert.strictEqual(rejectValue('', 'password'), 'empty');
    assert.strictEqual(rejectValue('abababab12abababab12ab', 'key'), 'low entropy');
  });

  it('judges the credential after an HTTP scheme', () => {
    assert.strictEqual(rejectValue('Bearer c9F2kL7qR4vX8mZ1nB6tY3wH5jD0pS', 'key'), undefined);
    assert.strictEqual(rejectValue('Bearer ${TOKEN}', 'key'), 'placeholder');
  });

  it('drops documentation tokens but not merely odd-looking ones', () => {
    assert.ok(isPlaceholderToken('ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'));
    assert.ok(isPlaceholderToken('AKIAIOSFODNN7EXAMPLE'));
    assert.ok(isPlaceholderToken('sk_live_000000000000000000000000'));
    assert.ok(isPlaceholderToken('xoxb-1111-2222-abababababababababababab'));
    assert.ok(!isPlaceholderToken('ghp_vigilFAKEtoken0123456789vigilFAKEtok'));
  });

  it('recognises registered example values by hash only', () => {
    const value = 'vigil-registered-Zq81-kPm';
    assert.ok(!isPlaceholder(value));
    addKnownExampleHash(createHash('sha256').update(value).digest('hex'));
    assert.ok(isPlaceholder(value));
    assert.ok(isPlaceholderToken(value));
  });
});
