import * as assert from 'assert';
import { parse } from '../engine';
import { semanticModel } from '../engine/semantic';
import { constText } from '../engine/semantic/values';
import type { CodeLanguage } from '../engine/types';

// Constants as the key rules read them (hardcoded-secret's "literal reaches a key parameter"): the ways each
// language declares a constant or a default, and the conversions that keep its value on the way to the call.

/**
 * The possible string values of argument `i` of every call named `name`, one list per call ('?' when unknown too);
 * with `keywords`, the model evaluates only the functions and classes whose text holds one, as a rule run does.
 */
async function argValues(lang: CodeLanguage, text: string, name: string, i: number, keywords?: string[]): Promise<string[][]> {
  const tree = await parse(lang, text);
  assert.ok(tree, 'parsed');
  const m = semanticModel(tree, lang, keywords);
  assert.ok(m, 'a model');
  return m.calls.filter((c) => c.name === name).map((c) => {
    const v = c.args.filter((a) => !a.name)[i]?.vals;
    if (!v) return [];
    const out = v.consts.map((x) => constText(x) ?? '[array]');
    return v.unknown ? [...out, '?'] : out;
  });
}

describe('semantic constants', () => {
  it('PHP define() declares a constant, read by name anywhere after it', async () => {
    const php = "<?php\ndefine('APP_KEY', 'k1');\nfunction f($d) { return hash_hmac('sha256', $d, APP_KEY); }\n";
    assert.deepStrictEqual(await argValues('php', php, 'hash_hmac', 2), [['k1']]);
  });

  it('PHP properties with a default are fields, read through $this-> and self::$ (a method may rewrite them)', async () => {
    const php = "<?php\nclass A {\n  private $k = 'k2';\n  private static $s = 'k3';\n  function f($d) { use1($this->k); use2(self::$s); }\n}\n";
    assert.deepStrictEqual(await argValues('php', php, 'use1', 0), [['k2', '?']]);
    assert.deepStrictEqual(await argValues('php', php, 'use2', 0), [['k3', '?']]);
  });

  it('a class constant of the file is read from outside the class, also when nothing else in the class is wanted', async () => {
    const php = "<?php\nclass Legacy {\n  const CIPHER = MCRYPT_DES;\n}\nfunction f($k, $d) { mcrypt_encrypt(Legacy::CIPHER, $k, $d, 'cbc'); }\n";
    for (const keywords of [undefined, ['mcrypt_encrypt']]) assert.deepStrictEqual(await argValues('php', php, 'mcrypt_encrypt', 0, keywords), [['des']]);
    const py = 'class Config:\n    IV = b"0" * 16\n\ndef f(k):\n    AES.new(k, 2, Config.IV)\n';
    assert.deepStrictEqual(await argValues('python', py, 'AES.new', 2, ['new']), [['0000000000000000']]);
    const java = 'class K { static final String ALG = "DES"; }\nclass A { void f() throws Exception { javax.crypto.Cipher.getInstance(K.ALG); } }\n';
    assert.deepStrictEqual(await argValues('java', java, 'javax.crypto.Cipher.getInstance', 0, ['getinstance']), [['DES']]);
  });

  it('a Go struct field has its declared type: b.aead.Seal on a *Box is crypto/cipher.AEAD.Seal; a variable named like the type is the variable', async () => {
    const go = 'package p\nimport "crypto/cipher"\ntype box struct {\n\taead cipher.AEAD\n}\nfunc (b *box) f(d []byte) { b.aead.Seal(nil, []byte("n"), d, nil) }\nfunc g() { box := load(); use(box.aead) }\n';
    assert.deepStrictEqual(await argValues('go', go, 'crypto/cipher.AEAD.Seal', 1, ['seal']), [['n']]);
    const tree = await parse('go', go);
    assert.ok(tree);
    const use = semanticModel(tree, 'go')!.calls.find((c) => c.name === 'use');
    assert.deepStrictEqual(use?.args[0]?.vals.origins.map((o) => o.name), ['load']);
  });

  it('Ruby freeze and dup keep the value of a constant', async () => {
    const rb = 'KEY = "k4".freeze\nOTHER = KEY.dup\ndef f(d)\n  use(KEY)\n  use(OTHER)\nend\n';
    assert.deepStrictEqual(await argValues('ruby', rb, 'use', 0), [['k4'], ['k4']]);
  });

  it('a method on a value a call returned, of no known type, is named after that call (Go jwt.NewWithClaims, http.NewRequest)', async () => {
    const go = 'package p\nimport (\n\t"net/http"\n\tjwt "github.com/golang-jwt/jwt/v5"\n)\nconst k = "k5"\nfunc f(c jwt.MapClaims, u string) {\n\tt := jwt.NewWithClaims(jwt.SigningMethodHS256, c)\n\tt.SignedString([]byte(k))\n\treq, _ := http.NewRequest("GET", u, nil)\n\treq.SetBasicAuth("u", k)\n}\n';
    assert.deepStrictEqual(await argValues('go', go, 'github.com/golang-jwt/jwt/v5.NewWithClaims().SignedString', 0), [['k5']]);
    assert.deepStrictEqual(await argValues('go', go, 'net/http.NewRequest().SetBasicAuth', 1), [['k5']]);
  });

  it('names one level of a chain only (a long or minified chain keeps short names)', async () => {
    const tree = await parse('javascript', "const crypto = require('crypto');\ncrypto.randomBytes(8).toString('hex').slice(2).toUpperCase();\n");
    assert.ok(tree);
    const names = semanticModel(tree, 'javascript')!.calls.map((c) => c.name);
    assert.deepStrictEqual(names.filter((n) => n?.includes('()')), ['crypto.randomBytes().toString']);
  });
});
