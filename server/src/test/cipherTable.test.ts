import * as assert from 'assert';
import { Engine } from '../engine';

// weak-cipher in an algorithm table (checks/weak-cipher/table.ts): one entry of a switch, match or if chain that
// also offers AES or ChaCha20 is a note; a weak cipher on its own, or a table of weak ciphers only, stays a warning.

const engine = Engine.create();

async function severities(path: string, languageId: string, text: string): Promise<string[]> {
  const r = await engine.analyze({ path, languageId, text });
  return r.findings.filter((f) => f.ruleId === 'weak-cipher').map((f) => `${f.range.start.line}:${f.severity}`);
}

describe('weak-cipher in an algorithm table', () => {
  it('Go: a case of a switch that also builds AES is a note, a cipher on its own a warning', async () => {
    const go = [
      'package p', '', 'import (', '\t"crypto/aes"', '\t"crypto/cipher"', '\t"crypto/des"', ')', '',
      'func newBlock(id int, key []byte) (b cipher.Block) {', '\tswitch id {', '\tcase 2:', '\t\tb, _ = des.NewTripleDESCipher(key)', '\tcase 7:', '\t\tb, _ = aes.NewCipher(key)', '\t}', '\treturn', '}', '',
      'func legacy(key []byte) cipher.Block {', '\tb, _ := des.NewCipher(key)', '\treturn b', '}', '',
    ].join('\n');
    assert.deepStrictEqual(await severities('app/block.go', 'go', go), ['11:info', '19:warning']);
  });

  it('Python: an elif of a chain that offers AES is a note; a chain of weak ciphers only is not', async () => {
    const py = [
      'from Crypto.Cipher import AES, DES3, Blowfish', '',
      'def make(name, key):', '    if name == "aes":', '        return AES.new(key, AES.MODE_GCM)', '    elif name == "blowfish":', '        return Blowfish.new(key, Blowfish.MODE_CBC)', '',
      'def weak_only(name, key):', '    if name == "3des":', '        return DES3.new(key, DES3.MODE_CBC)', '    elif name == "blowfish":', '        return Blowfish.new(key, Blowfish.MODE_CBC)', '',
    ].join('\n');
    assert.deepStrictEqual(await severities('app/make.py', 'python', py), ['6:info', '10:warning', '12:warning']);
  });

  it('Java: a switch arm next to AES is a note', async () => {
    const java = [
      'import javax.crypto.Cipher;', 'class Suites {', '  Cipher of(int id) throws Exception {', '    switch (id) {',
      '      case 1: return Cipher.getInstance("DESede/CBC/PKCS5Padding");', '      case 2: return Cipher.getInstance("AES/GCM/NoPadding");', '      default: throw new IllegalArgumentException();',
      '    }', '  }', '  Cipher legacy() throws Exception {', '    return Cipher.getInstance("DESede/CBC/PKCS5Padding");', '  }', '}', '',
    ].join('\n');
    assert.deepStrictEqual(await severities('src/Suites.java', 'java', java), ['4:info', '10:warning']);
  });
});
