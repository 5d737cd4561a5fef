import * as assert from 'assert';
import { parse } from '../engine';
import { nameMatches, semanticModel, type SemanticModel } from '../engine/semantic';
import { snakeCase } from '../engine/match/semantic';
import { constText } from '../engine/semantic/values';
import type { CodeLanguage } from '../engine/types';

// The semantic layer on its own: resolved names and possible values, language by language, without any rule.

async function model(lang: CodeLanguage, text: string): Promise<SemanticModel> {
  const tree = await parse(lang, text);
  assert.ok(tree, 'parsed');
  const m = semanticModel(tree, lang);
  assert.ok(m, 'a model');
  return m;
}

/** The possible string values of argument `i` of every call named `name`, one list per call. */
function argValues(m: SemanticModel, name: string, i = 0): string[][] {
  return m.calls.filter((c) => c.name === name).map((c) => {
    const v = c.args.filter((a) => !a.name)[i]?.vals;
    if (!v) return [];
    const out = v.consts.map((x) => constText(x) ?? '[array]');
    return v.unknown ? [...out, '?'] : out;
  });
}

describe('semantic layer', () => {
  describe('names', () => {
    it('match exactly, by tail of two or more segments, and by globs', () => {
      assert.ok(nameMatches('javax.crypto.Cipher.getInstance', 'javax.crypto.Cipher.getInstance'));
      assert.ok(nameMatches('Cipher.getInstance', 'javax.crypto.Cipher.getInstance'));
      assert.ok(!nameMatches('com.acme.Cipher.getInstance', 'javax.crypto.Cipher.getInstance'));
      assert.ok(!nameMatches('md5', 'hashlib.md5'));
      // A tail that is only a wildcard and a method takes no receiver's method of that name.
      assert.ok(!nameMatches('hashlib.new', 'Crypto.Cipher.*.new'));
      assert.ok(nameMatches('Crypto.Cipher.AES.new', 'Crypto.Cipher.*.new'));
      assert.ok(nameMatches('Cipher.AES.new', 'Crypto.Cipher.*.new'));
      assert.ok(nameMatches('TripleDESCryptoServiceProvider', 'System.Security.Cryptography.TripleDESCryptoServiceProvider', true));
      assert.ok(nameMatches('crypto/md5.Sum', 'crypto/{md5,sha1}.{New,Sum}'));
      assert.ok(nameMatches('java.util.Random.nextInt', 'java.util.Random.next*'));
      assert.ok(!nameMatches('java.util.Random.ints', 'java.util.Random.next*'));
      // A separator inside braces is part of an alternative: the tails are cut only between segments.
      // (Cut at every '.', `OpenSSL.{Cipher,PKey.RSA}.new` gave the tail `RSA}.new`, an invalid regex: a rule error.)
      assert.ok(nameMatches('PKey.RSA.new', 'OpenSSL.{Cipher,PKey.RSA}.new'));
      assert.ok(nameMatches('OpenSSL.Cipher.new', 'OpenSSL.{Cipher,PKey.RSA}.new'));
      assert.ok(!nameMatches('Acme.RSA.new', 'OpenSSL.{Cipher,PKey.RSA}.new'));
    });

    it('resolve Python aliases and from-imports', async () => {
      const m = await model('python', 'import hashlib as h\nfrom Crypto.Cipher import DES as D\nh.new("md5")\nD.new(k)\n');
      assert.deepStrictEqual(m.calls.map((c) => c.name), ['hashlib.new', 'Crypto.Cipher.DES.new']);
    });

    it('resolve Python imports guarded by try and if at module level, but not those of a function or a class', async () => {
      const text = [
        'try:\n    import hashlib as h\nexcept ImportError:\n    from md5 import new as n\n',
        'if TYPE_CHECKING:\n    from Crypto.Cipher import DES as D\nelif X:\n    import zlib as z\n',
        'def f():\n    import random as r\n\nclass C:\n    import ssl as s\n',
        'x = "import os as o"\n',
        'h.new("md5")\nn("a")\nD.new(k)\nz.crc32(b)\nr.random()\ns.wrap()\no.system(c)\n',
      ].join('');
      const m = await model('python', text);
      assert.deepStrictEqual(m.calls.filter((c) => c.node.startIndex >= text.indexOf('h.new')).map((c) => c.name), ['hashlib.new', 'md5.new', 'Crypto.Cipher.DES.new', 'zlib.crc32', 'r.random', 's.wrap', 'o.system']);
    });

    it('resolve Java imports, full spellings and the declared type of a local', async () => {
      const m = await model('java', 'import java.security.MessageDigest;\nclass A { void f() { MessageDigest md = MessageDigest.getInstance("SHA-256"); md.digest(); new java.util.Random().nextInt(); } }\n');
      assert.deepStrictEqual(m.calls.map((c) => c.name), ['java.security.MessageDigest.getInstance', 'java.security.MessageDigest.digest', 'java.util.Random', 'java.util.Random.nextInt']);
    });

    it('resolve C# using aliases and Go import aliases', async () => {
      const cs = await model('csharp', 'using H = System.Security.Cryptography.MD5;\nclass A { void F() { H.Create(); } }\n');
      assert.deepStrictEqual(cs.calls.map((c) => c.name), ['System.Security.Cryptography.MD5.Create']);
      const go = await model('go', 'package p\nimport m "crypto/md5"\nfunc f(b []byte) { m.Sum(b) }\n');
      assert.deepStrictEqual(go.calls.map((c) => c.name), ['crypto/md5.Sum']);
    });

    it('resolve JavaScript require, destructuring and import aliases', async () => {
      const m = await model('javascript', "const { createHash: ch } = require('node:crypto');\nimport * as c from 'crypto';\nch('md5'); c.createHash('sha1');\n");
      assert.deepStrictEqual(m.calls.map((c) => c.name), ['crypto.createHash', 'crypto.createHash']);
    });
  });

  describe('values', () => {
    it('a call outside every function runs the function it calls with its arguments (a script calling its helpers)', async () => {
      const py = await model('python', 'def digest(alg):\n    return use(alg)\n\n\ntoken = digest("md5")\n');
      assert.deepStrictEqual(argValues(py, 'use'), [['md5', '?']]);
      const js = await model('javascript', "const label = fmt('md5');\nfunction fmt(c) {\n  return use(c);\n}\n");
      assert.deepStrictEqual(argValues(js, 'use'), [['md5', '?']]);
    });

    it('a later write replaces an earlier one; both arms of an if are possible', async () => {
      const m = await model('java', 'class A { void f(boolean b) { String a = "MD5"; a = "SHA-256"; use(a); String c = b ? "X" : "Y"; use(c); String d = "P"; if (b) { d = "Q"; } use(d); } }\n');
      assert.deepStrictEqual(argValues(m, 'use'), [['SHA-256'], ['X', 'Y'], ['Q', 'P']]);
    });

    it('constant conditions take one arm and record nothing in the dead one', async () => {
      const m = await model('java', 'class A { static final boolean DEBUG = false; void f() { if (DEBUG) { dead("x"); } else { live("y"); } if (false) { dead("z"); } } }\n');
      assert.deepStrictEqual(m.calls.map((c) => c.name), ['live']);
    });

    it('folds constants, concatenation, formatting and conversions', async () => {
      const m = await model('java', 'class A { static final String F = "SHA"; void f() { use(F + "-" + 1); use(String.format("%s/%s", "DES", "ECB")); use(" md5 ".trim().toUpperCase()); use("abcdef".substring(2)); } }\n');
      assert.deepStrictEqual(argValues(m, 'use'), [['SHA-1'], ['DES/ECB'], ['MD5'], ['cdef']]);
    });

    it('folds byte makers over constants: a zero-filled Buffer.alloc, hex2bin, str_repeat', async () => {
      const js = await model('javascript', "use(Buffer.alloc(2));\nuse(Buffer.alloc(n));\nuse(new Uint8Array(16));\nuse(new Uint8Array(n));\n");
      assert.deepStrictEqual(argValues(js, 'use'), [['[array]'], ['?'], ['[array]'], ['?']]);
      const php = await model('php', "<?php\nsink(hex2bin('4142'));\nsink(str_repeat('ab', 2));\nsink(hex2bin($x));\n");
      assert.deepStrictEqual(argValues(php, 'sink'), [['AB'], ['abab'], ['?']]);
    });

    it('a config default is a possible value next to the unknown configured one', async () => {
      const m = await model('python', 'import os\ndef f(config):\n    a = os.getenv("ALG", "md5")\n    use(a)\n    b = config.get("alg", "sha1")\n    use(b)\n    use(os.environ.get("X") or "md4")\n');
      assert.deepStrictEqual(argValues(m, 'use'), [['md5', '?'], ['sha1', '?'], ['md4', '?']]);
    });

    it('a function of the file called by name returns its summary', async () => {
      const m = await model('python', 'def alg():\n    return "md5"\n\ndef f():\n    use(alg())\n');
      assert.deepStrictEqual(argValues(m, 'use'), [['md5']]);
    });

    it('a private function called in the file takes its arguments; another may also be called from outside', async () => {
      const m = await model('java', 'class A { private void sink(String k) { use(k); } public void open(String k) { use2(k); } void f() { sink("K1"); open("K2"); } }\n');
      assert.deepStrictEqual(argValues(m, 'use'), [['K1']]);
      assert.deepStrictEqual(argValues(m, 'use2'), [['K2', '?']]);
    });

    it('a buffer filled by a call is no longer constant, and carries the call', async () => {
      const m = await model('java', 'class A { void f(java.security.SecureRandom r) { byte[] iv = new byte[4]; use(iv); r.nextBytes(iv); use(iv); } }\n');
      assert.deepStrictEqual(argValues(m, 'use'), [['[array]'], ['?']]);
      const filled = m.flows.find((f) => f.name === 'iv' && f.vals.origins.some((o) => o.name === 'java.security.SecureRandom.nextBytes'));
      assert.ok(filled, 'the fill is a flow into iv');
    });

    it('origins flow through conversions into the names they land in', async () => {
      const m = await model('java', 'class A { String f() { float rand = new java.util.Random().nextFloat(); String rememberMeKey = Float.toString(rand).substring(2); return rememberMeKey; } }\n');
      const flow = m.flows.find((f) => f.name === 'rememberMeKey');
      assert.ok(flow?.vals.origins.some((o) => o.name === 'java.util.Random.nextFloat'));
      assert.strictEqual(snakeCase('rememberMeKey'), 'remember_me_key');
      assert.strictEqual(snakeCase('SESSION_ID'), 'session_id');
    });

    it('a function taken by reference is the function when called; an anonymous function is known by its variable', async () => {
      const m = await model('javascript', 'const r = Math.random;\nfunction f() { const d = Math.random; return [r(), d()]; }\nconst makeNonce = () => 1;\n');
      assert.deepStrictEqual(m.calls.map((c) => c.name), ['Math.random', 'Math.random']);
      assert.ok(m.flows.some((f) => f.kind === 'return' && f.name === 'makeNonce'));
    });

    it('a bare Ruby name nothing assigned is a method call, and a method returns its last expression', async () => {
      const m = await model('ruby', 'def nonce(n)\n  x = 1\n  y = x\n  (rand * n).to_s(36)\nend\n');
      assert.deepStrictEqual(m.calls.map((c) => c.name), ['rand', undefined]);
      const ret = m.flows.find((f) => f.kind === 'return' && f.name === 'nonce');
      assert.ok(ret?.vals.origins.some((o) => o.name === 'rand'));
      assert.ok(m.flows.some((f) => f.name === 'y' && f.vals.consts[0] === 1), 'an assigned local is a value');
    });

    it('a Ruby block is lowered as a function of its parameters; a constant naming a type spells its members', async () => {
      const m = await model('ruby', "H = ::Digest::MD5\nit 'x' do |a|\n  t = Digest::MD5.hexdigest(a)\n  H.file(t)\n  H.new\nend\n");
      assert.deepStrictEqual(m.calls.map((c) => c.name), ['it', 'Digest.MD5.hexdigest', 'Digest.MD5.file', 'Digest.MD5']);
    });

    it('a Go keyed element holds its value', async () => {
      const m = await model('go', 'package p\nimport "crypto/tls"\nconst skip = true\nfunc f() *tls.Config { return &tls.Config{InsecureSkipVerify: skip} }\n');
      const arg = m.calls.find((c) => c.name === 'crypto/tls.Config')?.args[0];
      assert.strictEqual(arg?.name, 'InsecureSkipVerify');
      assert.deepStrictEqual(arg?.vals.consts, [true]);
    });

    it('only a key-like first argument names the second one', async () => {
      const m = await model('javascript', "res.cookie('session_id', v);\nconsole.log('generated token', v);\n");
      assert.deepStrictEqual(m.flows.filter((f) => f.kind === 'attribute').map((f) => f.name), ['session_id']);
    });
  });
});
