import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { Engine, loadRuleFile, packageRoot } from '../engine';
import { fixtureLanguage } from '../project/fixtureCheck';
import { crc32, crc32Base62, checksumValid } from '../checks/hardcoded-secret/checksum';
import { maskSecret } from '../engine/finalise/mask';
import type { Finding } from '../engine/types';

// The credential-format table of the hardcoded-secret rule (issue 16): its size and shape, the offline checksum,
// one finding per row on its generated fixture line (formats.env, formats-keys.txt) with the value masked, and the
// aligned assignments of issue 21. Every token here and in the fixtures is fake.

const engine = Engine.create();
const RULE = 'hardcoded-secret';
const root = packageRoot();
const ruleFile = path.join(root, 'rules', `${RULE}.yaml`);

interface Row {
  id: string;
  family: string;
  kind: string;
  prefix?: string;
  context?: string[];
  checksum?: string;
}

const rows = (parse(fs.readFileSync(ruleFile, 'utf8')) as { formats: Row[] }).formats;

async function scan(p: string, text: string): Promise<Finding[]> {
  const r = await engine.analyze({ path: p, languageId: fixtureLanguage(p), text });
  return r.findings.filter((f) => f.ruleId === RULE);
}

/** Every expected line of a generated fixture, keyed by the row id in the comment two lines above it. */
function expectedLines(file: string): Map<string, { line: number; value: string }> {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const out = new Map<string, { line: number; value: string }>();
  for (let i = 2; i < lines.length; i++) {
    const id = /^# ([a-z0-9-]+)$/.exec(lines[i - 2]!)?.[1];
    if (id && lines[i - 1] === '# vigil-expect: hardcoded-secret') out.set(id, { line: i, value: lines[i]!.replace(/^[A-Z0-9_]+=/, '') });
  }
  return out;
}

describe('hardcoded-secret formats table', () => {
  it('has at least 120 rows with unique ids, in the families of the issue', () => {
    assert.ok(rows.length >= 120, `${rows.length} rows`);
    assert.strictEqual(new Set(rows.map((r) => r.id)).size, rows.length);
    const families = new Set(rows.map((r) => r.family));
    for (const f of ['cloud', 'source', 'registry', 'chat', 'payments', 'ai', 'observability', 'saas', 'private-key']) assert.ok(families.has(f), f);
    // A row without a prefix says which words must stand before its value.
    for (const r of rows) assert.ok(r.prefix || r.context || (r as { keywords?: string[] }).keywords, r.id);
  });

  it('refuses a row that has neither a prefix nor context words, naming the line', () => {
    const text = fs.readFileSync(ruleFile, 'utf8').replace('formats:\n', 'formats:\n  - { id: bare-hex, family: saas, kind: Bare, body: "[a-f0-9]{32}" }\n');
    const { errors } = loadRuleFile('<test>', text);
    assert.strictEqual(errors.length, 1);
    assert.match(errors[0]!.message, /format 'bare-hex' needs a prefix/);
    assert.ok(errors[0]!.line !== undefined && errors[0]!.line > 1);
  });

  it('computes the CRC32 as zlib does and checks the base62 suffix', () => {
    assert.strictEqual(crc32('123456789'), 0xcbf43926);
    const random = 'vigilFAKEchecksum0123456789abc';
    assert.ok(checksumValid('crc32-base62', random + crc32Base62(random)));
    assert.ok(!checksumValid('crc32-base62', `${random}000000`));
    assert.ok(!checksumValid('unknown', random + crc32Base62(random)));
  });

  it('reports a GitHub or npm token with a valid checksum as verified, and drops one whose checksum fails', async () => {
    const random = 'vigilFAKEchecksum0123456789abc';
    const good = `ghp_${random}${crc32Base62(random)}`;
    const found = await scan('app.env', `GITHUB_TOKEN=${good}\n`);
    assert.strictEqual(found.length, 1);
    assert.match(found[0]!.message, /checksum verified/);
    assert.strictEqual(found[0]!.confidence, 'high');
    const last = good.slice(-1) === 'A' ? 'B' : 'A';
    assert.deepStrictEqual(await scan('app.env', `BUILD_VALUE=${good.slice(0, -1)}${last}\n`), []);
    const npm = `npm_${random}${crc32Base62(random)}`;
    assert.match((await scan('.npmrc', `//registry.vigil.invalid/:_authToken=${npm}\n`))[0]?.message ?? '', /^npm access token \(checksum verified\)/);
  });

  it('needs a context word before a value that has no prefix', async () => {
    const hex = '3f9c2a71d04be8a65c1f7d2e9b0a4c86';
    assert.strictEqual((await scan('app.env', `DATADOG_API_KEY=${hex}\n`)).length, 1);
    assert.deepStrictEqual(await scan('app.env', `BUILD_HASH=${hex}\n`), []);
  });

  it('finds every row on its fixture line, with that row\'s kind, and masks the value in the message', async () => {
    const dir = path.join(root, 'test-fixtures', RULE);
    const expected = new Map([...expectedLines(path.join(dir, 'formats.env')), ...expectedLines(path.join(dir, 'formats-keys.txt'))]);
    const findings = [
      ...(await scan('formats.env', fs.readFileSync(path.join(dir, 'formats.env'), 'utf8'))),
      ...(await scan('formats-keys.txt', fs.readFileSync(path.join(dir, 'formats-keys.txt'), 'utf8'))).map((f) => ({ ...f, keys: true })),
    ];
    const missing: string[] = [];
    for (const r of rows) {
      const e = expected.get(r.id);
      if (!e) {
        missing.push(`${r.id}: no fixture line`);
        continue;
      }
      const isKey = r.family === 'private-key';
      const f = findings.find((x) => x.range.start.line === e.line && ('keys' in x) === isKey);
      if (!f) {
        missing.push(`${r.id}: not found`);
        continue;
      }
      if (!f.message.startsWith(r.kind)) missing.push(`${r.id}: reported as another format`);
      // The masked form, never a longer piece of the token, reaches the message.
      const token = e.value;
      if (!isKey && (f.message.includes(token.slice(4, -2)) || !f.message.includes(maskSecret(token)))) missing.push(`${r.id}: message not masked`);
    }
    assert.deepStrictEqual(missing, []);
  });

  it('reads aligned assignments (terraform fmt, aligned .env, YAML and properties) with any run of blanks', async () => {
    const value = 'Vg9-aligned-Fixture-4tf';
    const pad = ' '.repeat(40);
    for (const [file, line] of [
      ['main.tf', `  password${pad}= "${value}"\n`],
      ['.env', `DB_PASSWORD${pad}=${value}\n`],
      ['config.yaml', `db:\n  password:${pad}${value}\n`],
      ['app.properties', `db.password${pad}=${pad}${value}\n`],
    ] as const) {
      assert.strictEqual((await scan(file, line)).length, 1, file);
    }
  });
});
