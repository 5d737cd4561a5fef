// Fingerprints survive what formatters do (line breaks, spacing, quote style, wrapping with trailing commas and
// parentheses, comments) in several languages, still tell different code apart, agree between a one-off analysis
// (the CLI) and an editor session, and a baseline written with version 1 fingerprints still matches.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DocumentSession, Engine } from '../engine';
import { demoRepo, json, vigil } from './cliHelpers';

const engine = Engine.create();

async function prints(file: string, languageId: string, text: string, ruleId: string): Promise<string[]> {
  const r = await engine.analyze({ path: file, languageId, text });
  const mine = r.findings.filter((f) => f.ruleId === ruleId);
  assert.ok(mine.length > 0, `no ${ruleId} finding in:\n${text}`);
  return mine.map((f) => f.fingerprint);
}

interface Case {
  file: string;
  languageId: string;
  ruleId: string;
  original: string;
  /** Formatting-only edits of `original`: each must keep every fingerprint. */
  edits: Record<string, string>;
  /** A change of the flagged code itself: must change the fingerprint. */
  changed: string;
}

const CASES: Case[] = [
  {
    file: 'app.py',
    languageId: 'python',
    ruleId: 'weak-hash',
    original: 'import hashlib\n\ndef digest(data):\n    h = hashlib.new("MD5", data, usedforsecurity=True)\n    return h.hexdigest()\n',
    edits: {
      'line break': 'import hashlib\n\ndef digest(data):\n    h = hashlib.new("MD5", data,\n                    usedforsecurity=True)\n    return h.hexdigest()\n',
      'inner spacing': 'import hashlib\n\ndef digest(data):\n    h = hashlib.new( "MD5" , data , usedforsecurity = True )\n    return h.hexdigest()\n',
      'quote style': "import hashlib\n\ndef digest(data):\n    h = hashlib.new('MD5', data, usedforsecurity=True)\n    return h.hexdigest()\n",
      'black-style wrap': 'import hashlib\n\ndef digest(data):\n    h = hashlib.new(\n        "MD5",\n        data,\n        usedforsecurity=True,\n    )\n    return h.hexdigest()\n',
      'wrapping parentheses': 'import hashlib\n\ndef digest(data):\n    h = (\n        hashlib.new("MD5", data, usedforsecurity=True)\n    )\n    return h.hexdigest()\n',
      'comment added': 'import hashlib\n\ndef digest(data):\n    h = hashlib.new("MD5", data, usedforsecurity=True)  # legacy checksum\n    return h.hexdigest()\n',
      'comment inside the call': 'import hashlib\n\ndef digest(data):\n    h = hashlib.new(\n        "MD5",  # legacy\n        data,\n        usedforsecurity=True,\n    )\n    return h.hexdigest()\n',
    },
    changed: 'import hashlib\n\ndef digest(data):\n    h = hashlib.new("MD5", other, usedforsecurity=True)\n    return h.hexdigest()\n',
  },
  {
    file: 'app.js',
    languageId: 'javascript',
    ruleId: 'weak-hash',
    original: "const crypto = require('crypto');\nfunction digest(data) {\n  return crypto.createHash('md5').update(data).digest('hex');\n}\n",
    edits: {
      'line break': "const crypto = require('crypto');\nfunction digest(data) {\n  return crypto\n    .createHash('md5')\n    .update(data)\n    .digest('hex');\n}\n",
      'inner spacing': "const crypto = require('crypto');\nfunction digest(data) {\n  return crypto.createHash( 'md5' ).update( data ).digest( 'hex' );\n}\n",
      'quote style': 'const crypto = require(\'crypto\');\nfunction digest(data) {\n  return crypto.createHash("md5").update(data).digest("hex");\n}\n',
      'prettier-style wrap': "const crypto = require('crypto');\nfunction digest(data) {\n  return crypto\n    .createHash(\n      'md5',\n    )\n    .update(data)\n    .digest('hex');\n}\n",
      'comment added': "const crypto = require('crypto');\nfunction digest(data) {\n  // legacy checksum\n  return crypto.createHash('md5').update(data).digest('hex'); // not for passwords\n}\n",
    },
    changed: "const crypto = require('crypto');\nfunction digest(data) {\n  return crypto.createHash('md5').update(other).digest('hex');\n}\n",
  },
  {
    file: 'Digest.java',
    languageId: 'java',
    ruleId: 'weak-hash',
    original: 'import java.security.MessageDigest;\nclass Digest {\n  byte[] run(byte[] d) throws Exception {\n    return MessageDigest.getInstance("MD5").digest(d);\n  }\n}\n',
    edits: {
      'line break': 'import java.security.MessageDigest;\nclass Digest {\n  byte[] run(byte[] d) throws Exception {\n    return MessageDigest\n        .getInstance("MD5")\n        .digest(d);\n  }\n}\n',
      'inner spacing': 'import java.security.MessageDigest;\nclass Digest {\n  byte[] run(byte[] d) throws Exception {\n    return MessageDigest.getInstance( "MD5" ).digest( d );\n  }\n}\n',
      'wrap': 'import java.security.MessageDigest;\nclass Digest {\n  byte[] run(byte[] d) throws Exception {\n    return MessageDigest.getInstance(\n        "MD5")\n      .digest(d);\n  }\n}\n',
      'comment added': 'import java.security.MessageDigest;\nclass Digest {\n  byte[] run(byte[] d) throws Exception {\n    /* legacy */\n    return MessageDigest.getInstance("MD5").digest(d); // checksum only\n  }\n}\n',
    },
    changed: 'import java.security.MessageDigest;\nclass Digest {\n  byte[] run(byte[] d) throws Exception {\n    return MessageDigest.getInstance("MD5").digest(other);\n  }\n}\n',
  },
  {
    file: 'digest.go',
    languageId: 'go',
    ruleId: 'weak-hash',
    original: 'package main\n\nimport "crypto/md5"\n\nfunc digest(d []byte) [16]byte {\n\treturn md5.Sum(d)\n}\n',
    edits: {
      'inner spacing': 'package main\n\nimport "crypto/md5"\n\nfunc digest(d []byte) [16]byte {\n\treturn md5.Sum( d )\n}\n',
      'line break': 'package main\n\nimport "crypto/md5"\n\nfunc digest(d []byte) [16]byte {\n\treturn md5.Sum(\n\t\td,\n\t)\n}\n',
      'comment added': 'package main\n\nimport "crypto/md5"\n\nfunc digest(d []byte) [16]byte {\n\t// checksum only\n\treturn md5.Sum(d) // legacy\n}\n',
    },
    changed: 'package main\n\nimport "crypto/md5"\n\nfunc digest(d []byte) [16]byte {\n\treturn md5.Sum(other)\n}\n',
  },
];

describe('fingerprints survive formatters', () => {
  for (const c of CASES) {
    for (const [edit, text] of Object.entries(c.edits)) {
      it(`${c.languageId}: ${edit}`, async () => {
        assert.deepStrictEqual(await prints(c.file, c.languageId, text, c.ruleId), await prints(c.file, c.languageId, c.original, c.ruleId));
      });
    }
    it(`${c.languageId}: a change of the flagged code changes the fingerprint`, async () => {
      const before = await prints(c.file, c.languageId, c.original, c.ruleId);
      const after = await prints(c.file, c.languageId, c.changed, c.ruleId);
      assert.notDeepStrictEqual(after, before);
    });
  }

  it('identical statements flagged twice in a file get distinct fingerprints', async () => {
    const text = 'import hashlib\nh = hashlib.md5(b"x")\nh = hashlib.md5(b"x")\n';
    const p = await prints('a.py', 'python', text, 'weak-hash');
    assert.strictEqual(p.length, 2);
    assert.notStrictEqual(p[0], p[1]);
  });

  it('an editor session gives the same fingerprints as a one-off analysis, also after an incremental edit', async () => {
    const c = CASES[0]!;
    const session = new DocumentSession(engine);
    const doc = (text: string): { path: string; languageId: string; text: string } => ({ path: c.file, languageId: c.languageId, text });
    await session.analyze(doc(c.original));
    const edited = c.edits['black-style wrap']!;
    const live = (await session.analyze(doc(edited))).findings.map((f) => f.fingerprint);
    assert.deepStrictEqual(live, (await engine.analyze(doc(edited))).findings.map((f) => f.fingerprint));
    assert.ok(live.length > 0);
    assert.deepStrictEqual(live, (await engine.analyze(doc(c.original))).findings.map((f) => f.fingerprint));
  });

  it('findings without a tree (configuration, text) keep the text fingerprint, the same as version 1', async () => {
    const text = 'FROM python:latest\n';
    const a = await engine.analyze({ path: 'Dockerfile', languageId: 'dockerfile', text }, { legacyFingerprints: true });
    assert.ok(a.findings.length > 0);
    for (const f of a.findings) assert.strictEqual(f.fingerprint, f.fingerprintV1);
  });
});

describe('baselines across fingerprint versions', function () {
  this.timeout(240000);
  const code = 'import hashlib\nh = hashlib.md5(b"x")\n';
  it('a version 1 baseline still matches, and a new baseline is version 2 and survives a reformat', async () => {
    const dir = demoRepo({ 'a.py': code });
    // The baseline an older Vigil wrote: version 1 fingerprints, computed here by the engine's legacy path.
    const old = (await engine.analyze({ path: 'a.py', languageId: 'python', text: code }, { legacyFingerprints: true })).findings;
    assert.ok(old.length > 0 && old.every((f) => f.fingerprintV1 && f.fingerprintV1 !== f.fingerprint));
    fs.writeFileSync(
      path.join(dir, 'v1.json'),
      JSON.stringify({ version: 1, description: 'old', findings: old.map((f) => ({ fingerprint: f.fingerprintV1, ruleId: f.ruleId, path: 'a.py' })) }),
    );
    const r = json(vigil(['scan', 'a.py', '--baseline', 'v1.json', '--format', 'json'], { cwd: dir }));
    assert.strictEqual(r.findings.length, 0, JSON.stringify(r.findings));
    assert.strictEqual(r.summary.baselined, old.length);

    assert.strictEqual(vigil(['baseline', 'a.py'], { cwd: dir }).status, 0);
    assert.strictEqual((JSON.parse(fs.readFileSync(path.join(dir, '.vigil-baseline.json'), 'utf8')) as { version: number }).version, 2);
    fs.writeFileSync(path.join(dir, 'a.py'), "import hashlib\nh = hashlib.md5(\n    b'x',\n)  # reformatted\n");
    const after = json(vigil(['scan', 'a.py', '--baseline', '.vigil-baseline.json', '--format', 'json'], { cwd: dir }));
    assert.strictEqual(after.findings.length, 0, 'a reformatted finding stays baselined');
  });
});
