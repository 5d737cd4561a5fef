import * as assert from 'assert';
import { Engine } from '../engine';
import { applyFixes } from '../engine/match/fixes';
import { mentionsPassword, renameToSha256, sha256String, weakAlgorithmOfName, weakAlgorithmOfString } from '../checks/weak-hash/algo';
import type { Finding } from '../engine/types';

// The weak-hash rule's naming tables and the behaviours its fixtures cannot state on one line: message choice,
// fix applicability, and Go/Python file-level fixes composing when several findings are fixed at once.

const engine = Engine.create();

async function findings(path: string, languageId: string, text: string): Promise<Finding[]> {
  const r = await engine.analyze({ path, languageId, text }, { today: '2026-01-01' });
  return r.findings.filter((f) => f.ruleId === 'weak-hash');
}

describe('weak-hash naming', () => {
  it('recognises weak algorithm strings and leaves strong ones alone', () => {
    assert.strictEqual(weakAlgorithmOfString('MD5'), 'MD5');
    assert.strictEqual(weakAlgorithmOfString('sha-1'), 'SHA-1');
    assert.strictEqual(weakAlgorithmOfString('RSA-SHA1'), 'SHA-1');
    assert.strictEqual(weakAlgorithmOfString('md4'), 'MD4');
    for (const s of ['sha256', 'SHA-256', 'sha3-256', 'sha512', 'blake2b512', 'hmac-md5', 'md5sum']) {
      assert.strictEqual(weakAlgorithmOfString(s), undefined, s);
    }
  });

  it('recognises weak API member names', () => {
    assert.strictEqual(weakAlgorithmOfName('md5Hex'), 'MD5');
    assert.strictEqual(weakAlgorithmOfName('getShaDigest'), 'SHA-1');
    assert.strictEqual(weakAlgorithmOfName('SHA1Managed'), 'SHA-1');
    assert.strictEqual(weakAlgorithmOfName('SHA_1'), 'SHA-1');
    for (const s of ['sha256Hex', 'SHA384', 'SHA_256', 'sha512', 'SHA3_256']) assert.strictEqual(weakAlgorithmOfName(s), undefined, s);
  });

  it('renames to SHA-256 in the style of the original', () => {
    assert.strictEqual(renameToSha256('md5Hex'), 'sha256Hex');
    assert.strictEqual(renameToSha256('getMd5Digest'), 'getSha256Digest');
    assert.strictEqual(renameToSha256('shaHex'), 'sha256Hex');
    assert.strictEqual(renameToSha256('MD5'), 'SHA256');
    assert.strictEqual(renameToSha256('SHA1'), 'SHA256');
    assert.strictEqual(sha256String('MD5', 'plain'), 'SHA256');
    assert.strictEqual(sha256String('md5', 'plain'), 'sha256');
    assert.strictEqual(sha256String('SHA-1', 'dash'), 'SHA-256');
  });

  it('tells password-like names from lookalikes', () => {
    for (const s of ['password', 'user.passwd', 'params["pwd"]', 'newPw', 'hashedPassword', 'PASSPHRASE', 'userpassword.encode()']) {
      assert.ok(mentionsPassword(s), s);
    }
    for (const s of ['data', 'bypass', 'passCount', 'compass', 'payload', 'sweeps', 'power']) assert.ok(!mentionsPassword(s), s);
  });
});

describe('weak-hash findings', () => {
  it('names the algorithm and offers an unsafe SHA-256 fix', async () => {
    const [f] = await findings('a.py', 'python', 'import hashlib\nd = hashlib.sha1(b"x").hexdigest()\n');
    assert.ok(f);
    assert.match(f.message, /^SHA-1 is a broken hash/);
    assert.strictEqual(f.fixes.length, 1);
    assert.strictEqual(f.fixes[0]!.applicability, 'unsafe');
  });

  it('asks for a password hash and offers no fix when the input is a password', async () => {
    const text = 'const crypto = require("crypto");\nconst h = crypto.createHash("md5").update(req.body.password).digest("hex");\n';
    const all = await findings('a.js', 'javascript', text);
    assert.strictEqual(all.length, 1, 'one finding, not one per pattern');
    assert.match(all[0]!.message, /password hashing function \(Argon2, bcrypt, scrypt or PBKDF2\)/);
    assert.deepStrictEqual(all[0]!.fixes, []);
  });

  it('alerts where the digest evidently guards something and leaves a note where nothing says what it is for', async () => {
    const sev = async (lang: string, ext: string, text: string): Promise<string[]> => (await findings(`app/a.${ext}`, lang, text)).map((f) => `${f.range.start.line}:${f.severity}`);
    // Python: what it hashes (a secret), where it goes (a token), the function computing it (sign), a password.
    const py = 'import hashlib\n\ndef a(data):\n    return hashlib.md5(data).hexdigest()\n\ndef b(secret_key):\n    return hashlib.md5(secret_key).hexdigest()\n\ndef c(user):\n    reset_token = hashlib.sha1(user.email).hexdigest()\n    return reset_token\n\ndef sign(body):\n    return hashlib.md5(body).hexdigest()\n\ndef d(password):\n    return hashlib.md5(password).hexdigest()\n';
    assert.deepStrictEqual(await sev('python', 'py', py), ['3:info', '6:warning', '9:warning', '13:warning', '16:warning']);
    // PHP: a constant-time comparison says the digest is a proof; a plain equality (change detection) says nothing.
    const php = '<?php\nif (hash_equals($given, sha1($user->email))) { ok(); }\nif ($lock->hash !== md5($contents)) { reload(); }\n';
    assert.deepStrictEqual(await sev('php', 'php', php), ['1:warning', '2:info']);
    // Go: a hasher whose use the file does not show.
    const go = 'package p\n\nimport "crypto/sha1"\n\nfunc objectID(b []byte) []byte {\n\th := sha1.New()\n\th.Write(b)\n\treturn h.Sum(nil)\n}\n';
    assert.deepStrictEqual(await sev('go', 'go', go), ['5:info']);
  });

  it('takes 32 bits read off a digest for a slot (a shard number), not a digest', async () => {
    const text = 'const crypto = require("crypto");\nfunction shardOf(key, n) {\n  return crypto.createHash("sha1").update(key).digest().readUInt32BE(0) % n;\n}\nfunction idOf(key) {\n  return crypto.createHash("sha1").update(key).digest("hex");\n}\n';
    assert.deepStrictEqual((await findings('app/shard.js', 'javascript', text)).map((f) => f.range.start.line), [5]);
  });

  it('keeps what a format or protocol API prescribes as a note, a password hash still an alert', async () => {
    const sev = async (text: string): Promise<string[]> => (await findings('app/k.py', 'python', text)).map((f) => `${f.range.start.line}:${f.severity}:${/password hashing/.test(f.message) ? 'pw' : 'data'}`);
    // EVP_BytesToKey: the password's digest becomes the cipher key; PB's API is named for MD5.
    const kdf = 'from hashlib import md5\n\ndef load(passphrase, iv, blob):\n    ba = md5(passphrase + iv).digest()\n    dec_key = ba[:16]\n    return decrypt(dec_key, blob)\n\ndef login(self, password):\n    return self.checkMD5Password(md5(password).digest())\n';
    assert.deepStrictEqual(await sev(kdf), ['3:info:pw', '8:info:pw']);
    // Stored for verification, or made into a token: alerts. A bare double hash is no protocol API.
    const stored = 'from hashlib import md5\n\ndef store(user, password):\n    user.pw_hash = md5(password).hexdigest()\n\ndef api(password):\n    api_key = md5(password).digest()\n    return api_key\n\ndef twice(password):\n    return md5(md5(password).digest()).hexdigest()\n';
    assert.deepStrictEqual([...new Set(await sev(stored))], ['3:warning:pw', '6:warning:pw', '10:warning:pw']);
  });

  it('follows a hasher variable to the data it is fed', async () => {
    const text = 'import hashlib\n\ndef f(pw):\n    h = hashlib.md5()\n    h.update(pw.encode())\n    return h.hexdigest()\n\ndef g(data):\n    h = hashlib.md5()\n    h.update(data)\n    return h.hexdigest()\n';
    const all = await findings('a.py', 'python', text);
    assert.strictEqual(all.length, 2);
    assert.match(all[0]!.message, /password/);
    assert.doesNotMatch(all[1]!.message, /password/);
  });

  it('gives every Go finding of a file the same fix, so fixing all of them compiles', async () => {
    const text = [
      'package p',
      '',
      'import (',
      '\t"crypto/md5"',
      '\t"crypto/sha1"',
      ')',
      '',
      'func a(b []byte) [32]byte { return md5.Sum(b) }',
      'func c(b []byte) []byte { h := sha1.New(); h.Write(b); return h.Sum(nil) }',
      '',
    ].join('\n');
    const all = await findings('a.go', 'go', text);
    assert.strictEqual(all.length, 2);
    assert.deepStrictEqual(all[0]!.fixes[0]!.edits, all[1]!.fixes[0]!.edits);
    // Identical edit sets either collapse into one or are skipped as overlapping: the outcome is the same file.
    const fixed = applyFixes(text, all.map((f) => f.fixes[0]!));
    assert.strictEqual(applyFixes(text, [all[1]!.fixes[0]!]).text, fixed.text);
    assert.ok(fixed.text.includes('import (\n\t"crypto/sha256"\n)'), fixed.text);
    assert.ok(fixed.text.includes('return sha256.Sum256(b)'));
    assert.ok(fixed.text.includes('h := sha256.New()'));
  });

  it('reuses an existing crypto/sha256 import and drops the unused weak one', async () => {
    const text = 'package p\n\nimport (\n\t"crypto/md5"\n\th256 "crypto/sha256"\n)\n\nvar _ = h256.Size\n\nfunc a(b []byte) []byte { s := md5.Sum(b); return s[:] }\n';
    const [f] = await findings('a.go', 'go', text);
    const fixed = applyFixes(text, [f!.fixes[0]!]).text;
    assert.strictEqual(fixed, 'package p\n\nimport (\n\th256 "crypto/sha256"\n)\n\nvar _ = h256.Size\n\nfunc a(b []byte) []byte { s := h256.Sum256(b); return s[:] }\n');
  });

  it('removes a whole unused import line in a file that starts with blank lines', async () => {
    // The import helpers read the root node's text, which starts at the first token: offsets were off by the
    // leading blank lines, and the fix left an empty line where the import was.
    const text = '\n\nfrom hashlib import md5\nfrom hashlib import sha256\n\n\ndef f(x):\n    return md5(x).hexdigest()\n';
    const [f] = await findings('a.py', 'python', text);
    const fixed = applyFixes(text, [f!.fixes[0]!]).text;
    assert.strictEqual(fixed, '\n\nfrom hashlib import sha256\n\n\ndef f(x):\n    return sha256(x).hexdigest()\n');
  });

  it('does not flag HMAC, usedforsecurity=False or lookalike names', async () => {
    const py = 'import hashlib, hmac\nhmac.new(k, m, hashlib.md5)\nhashlib.md5(b, usedforsecurity=False)\nmd5sum = 1\n';
    assert.deepStrictEqual(await findings('a.py', 'python', py), []);
    const rb = "OpenSSL::HMAC.hexdigest(OpenSSL::Digest.new('sha1'), key, data)\n";
    assert.deepStrictEqual(await findings('a.rb', 'ruby', rb), []);
    const php = "<?php\n$c = hash_init('md5', HASH_HMAC, $k);\n$m = hash_hmac('sha1', $d, $k);\n";
    assert.deepStrictEqual(await findings('a.php', 'php', php), []);
  });
});
