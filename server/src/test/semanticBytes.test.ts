import * as assert from 'assert';
import { parse } from '../engine';
import { semanticModel } from '../engine/semantic';
import { constText } from '../engine/semantic/values';
import type { Const } from '../engine/semantic/ir';
import type { CodeLanguage } from '../engine/types';

// Constant bytes as weak-cipher's static-IV patterns read them (`constant: true`): zero-filled buffers of any size,
// repeated strings, decoded literals and extension constants are constants; random bytes and counts are not.

/** A constant as text: strings as such, arrays as `[n zeros]`, `[zeros]` (length unknown) or `[a,b,..]`. */
function show(c: Const): string {
  if (typeof c === 'object' && c !== null) {
    if (c.zeroFilled) return '[zeros]';
    return c.array.every((x) => x === 0) ? `[${c.array.length} zeros]` : `[${c.array.map((x) => constText(x) ?? '?').join(',')}]`;
  }
  return constText(c) ?? '?';
}

/** The possible values of argument `i` of every call named `name` ('?' when it may be unknown too). */
async function argValues(lang: CodeLanguage, text: string, name: string, i: number): Promise<string[][]> {
  const tree = await parse(lang, text);
  assert.ok(tree, 'parsed');
  const m = semanticModel(tree, lang);
  assert.ok(m, 'a model');
  return m.calls.filter((c) => c.name === name).map((c) => {
    const v = c.args.filter((a) => !a.name)[i]?.vals;
    if (!v) return [];
    const out = v.consts.map(show);
    return v.unknown ? [...out, '?'] : out;
  });
}

describe('semantic constant bytes', () => {
  it('Go make([]byte, n) is zero-filled whatever n is, until something writes into it', async () => {
    const go = 'package p\nimport "crypto/cipher"\nimport "crypto/rand"\nfunc f(b cipher.Block, n int) {\n\tcipher.NewCTR(b, make([]byte, 4))\n\tiv := make([]byte, b.BlockSize())\n\tcipher.NewCTR(b, iv)\n\trand.Read(iv)\n\tcipher.NewCTR(b, iv)\n\tcipher.NewCTR(b, make([]int, n))\n}\n';
    assert.deepStrictEqual(await argValues('go', go, 'crypto/cipher.NewCTR', 1), [['[4 zeros]'], ['[zeros]'], ['?'], ['?']]);
  });

  it('C# new byte[n] with a computed size is zero-filled too; RandomNumberGenerator.GetBytes(16) is no conversion of 16', async () => {
    const cs = 'class A { void F(System.Security.Cryptography.Aes aes) { use(new byte[aes.BlockSize / 8]); use(new byte[2]); use(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)); use(System.Text.Encoding.UTF8.GetBytes("k")); } }\n';
    assert.deepStrictEqual(await argValues('csharp', cs, 'use', 0), [['[zeros]'], ['[2 zeros]'], ['?'], ['k']]);
  });

  it('Python and Ruby repeat a string or list with *; JavaScript does not', async () => {
    const py = 'IV = b"\\x00" * 2\ndef f():\n    use(IV)\n    use(3 * "ab")\n    use([1] * 2)\n    use(b"0" * n)\n';
    assert.deepStrictEqual(await argValues('python', py, 'use', 0), [['\0\0'], ['ababab'], ['[1,1]'], ['?']]);
    const rb = 'IV = "0" * 3\ndef f\n  use(IV)\nend\n';
    assert.deepStrictEqual(await argValues('ruby', rb, 'use', 0), [['000']]);
    assert.deepStrictEqual(await argValues('javascript', 'use("0" * 3);\n', 'use', 0), [['?']]);
  });

  it('hex and base64 decoders and hex packing of a literal are constant bytes', async () => {
    const py = 'import base64, binascii\ndef f():\n    use(bytes.fromhex("4142"))\n    use(binascii.unhexlify("4142"))\n    use(base64.b64decode("QUI="))\n';
    assert.deepStrictEqual(await argValues('python', py, 'use', 0), [['AB'], ['AB'], ['AB']]);
    const go = 'package p\nimport "encoding/hex"\nfunc f() {\n\tb, _ := hex.DecodeString("4142")\n\tuse(b)\n}\n';
    assert.deepStrictEqual(await argValues('go', go, 'use', 0), [['AB']]);
    const cs = 'class A { void F() { use(System.Convert.FromBase64String("QUI=")); use(Convert.FromHexString("4142")); } }\n';
    assert.deepStrictEqual(await argValues('csharp', cs, 'use', 0), [['AB'], ['AB']]);
    const rb = "def f\n  use(Base64.decode64('QUI='))\n  use(['4142'].pack('H*'))\nend\n";
    assert.deepStrictEqual(await argValues('ruby', rb, 'use', 0), [['AB'], ['AB']]);
    assert.deepStrictEqual(await argValues('php', "<?php\nuse1(pack('H*', '4142'));\n", 'use1', 0), [['AB']]);
  });

  it('PHP mcrypt constants have their values, through define(), class constants and variables', async () => {
    const php = "<?php\ndefine('C', MCRYPT_DES);\nclass K {\n  const M = MCRYPT_MODE_ECB;\n  function f() { $c = MCRYPT_3DES; use1(C); use1(self::M); use1($c); use1(MCRYPT_UNKNOWN_THING); }\n}\n";
    assert.deepStrictEqual(await argValues('php', php, 'use1', 0), [['des'], ['ecb'], ['tripledes'], ['?']]);
  });
});
