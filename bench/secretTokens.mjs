// Valid-looking, fake tokens for each row of the hardcoded-secret rule's `formats:` table, and near misses of
// each (wrong length, wrong checksum, placeholder, missing context word). Shared by the fixture generator
// (`node bench/secretTokens.mjs --fixture`) and the accuracy benchmark. Deterministic: a seeded generator.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import YAML from 'yaml';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export function loadFormats() {
  const doc = YAML.parse(fs.readFileSync(path.join(root, 'rules/hardcoded-secret.yaml'), 'utf8'));
  return doc.formats;
}

/** mulberry32: small seeded PRNG, so fixtures regenerate byte for byte. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A parser for the small regex subset the table's bodies use: literals, escapes, [classes], (?:a|b) groups and
// the quantifiers {n}, {n,m} and ?. Enough to sample a string the body matches.
function parse(src) {
  let i = 0;
  function seq() {
    const items = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      let atom;
      const c = src[i];
      if (c === '[') {
        let j = i + 1;
        const chars = [];
        while (src[j] !== ']') {
          let ch = src[j];
          if (ch === '\\') { j++; ch = unescape(src[j]); }
          if (src[j + 1] === '-' && src[j + 2] !== ']') {
            let to = src[j + 2];
            let skip = 3;
            if (to === '\\') { to = unescape(src[j + 3]); skip = 4; }
            for (let k = ch.charCodeAt(0); k <= to.charCodeAt(0); k++) chars.push(String.fromCharCode(k));
            j += skip;
          } else {
            chars.push(ch);
            j++;
          }
        }
        atom = { t: 'class', chars };
        i = j + 1;
      } else if (c === '(') {
        i += src.startsWith('(?:', i) ? 3 : 1;
        const alts = [seq()];
        while (src[i] === '|') { i++; alts.push(seq()); }
        i++; // ')'
        atom = { t: 'alt', alts };
      } else if (c === '\\') {
        atom = { t: 'lit', s: unescape(src[i + 1]) };
        i += 2;
      } else {
        atom = { t: 'lit', s: c };
        i++;
      }
      let min = 1, max = 1;
      if (src[i] === '?') { min = 0; max = 1; i++; }
      else if (src[i] === '{') {
        const m = /^\{(\d+)(?:,(\d+))?\}/.exec(src.slice(i));
        min = Number(m[1]);
        max = m[2] !== undefined ? Number(m[2]) : min;
        i += m[0].length;
      }
      items.push({ atom, min, max });
    }
    return items;
  }
  const out = seq();
  return out;
}

function unescape(ch) {
  return ch === 'n' ? '\n' : ch === 'r' ? '\r' : ch === 't' ? '\t' : ch;
}

/**
 * A string matching `body`. `mode`: 'valid' (counts near the lower end, capped for readability), or 'short'
 * (the longest repeated class one position below its minimum, so the format's length no longer fits).
 */
export function sample(body, rand, mode = 'valid') {
  const items = parse(body);
  const pickShort = mode === 'short' ? longestClass(items) : undefined;
  return emit(items, rand, pickShort);
}

function longestClass(items) {
  let best;
  for (const it of items) if (it.atom.t === 'class' && it.min >= 4 && (!best || it.min > best.min)) best = it;
  return best;
}

function emit(items, rand, shortItem) {
  let s = '';
  for (const it of items) {
    let n = it.min === it.max ? it.min : it.min + Math.floor(rand() * Math.min(it.max - it.min + 1, 8));
    if (it === shortItem) n = it.min - 1;
    if (it.min === 0 && it.max === 1) n = rand() < 0.5 ? 0 : 1;
    for (let k = 0; k < n; k++) {
      if (it.atom.t === 'lit') s += it.atom.s;
      else if (it.atom.t === 'class') s += it.atom.chars[Math.floor(rand() * it.atom.chars.length)];
      else s += emit(it.atom.alts[Math.floor(rand() * it.atom.alts.length)], rand, shortItem);
    }
  }
  return s;
}

/** The engine's checksum helper (compiled), so generated tokens carry the checksum the rule verifies. */
function checksumOf() {
  return require(path.join(root, 'server/lib/checks/hardcoded-secret/checksum.js')).crc32Base62;
}

/** A token of format `f` that the rule should report, avoiding placeholder-looking samples. */
export function validToken(f, rand) {
  for (;;) {
    let body = sample(f.body, rand);
    if (f.checksum === 'crc32-base62') body = body.slice(0, -6) + checksumOf()(body.slice(0, -6));
    const token = (f.prefix ?? '') + body;
    // A random sample can by chance look like a placeholder (a long run, few distinct characters): draw again.
    if (!/(.)\1{5}|xxxx|example|test|fake|sample|dummy/i.test(body) && new Set(body).size >= Math.min(8, body.length / 2)) return token;
  }
}

/** Near misses of format `f`: each { why, token, name } must not be reported as this format. */
export function nearMisses(f, rand) {
  const out = [];
  const valid = validToken(f, rand);
  const short = (f.prefix ?? '') + sample(f.body, rand, 'short');
  if (short !== valid && longestClass(parse(f.body))) out.push({ why: 'wrong length', token: short });
  if (f.checksum) {
    const last = valid.slice(-1);
    out.push({ why: 'wrong checksum', token: valid.slice(0, -1) + (last === 'A' ? 'B' : 'A') });
  }
  const random = valid.slice((f.prefix ?? '').length);
  out.push({ why: 'placeholder', token: (f.prefix ?? '') + random.replace(/[A-Za-z0-9]/g, 'x') });
  if (f.context) out.push({ why: 'no context word', token: valid });
  return out;
}

/** A variable name that gives a context row its context (and prefix rows a plausible name). */
export function nameFor(f) {
  return f.env ?? f.id.toUpperCase().replace(/-/g, '_');
}

/** The fixture's near miss of a row: the checksum where there is one, else alternating between the kinds. */
function pickMiss(misses, f, row) {
  if (f.checksum) return misses.find((m) => m.why === 'wrong checksum');
  return misses[row % misses.length];
}

function fixture() {
  const formats = loadFormats();
  const rand = rng(16);
  const lines = [
    '# Vigil fixture: one valid-looking and one near-miss line per row of the formats table in',
    '# rules/hardcoded-secret.yaml. Generated by `node bench/secretTokens.mjs --fixture`; every value is fake.',
    '',
  ];
  const keys = ['# Vigil fixture: private keys in the armours of the formats table (PuTTY, SSH2). Generated; every value is fake.', ''];
  formats.forEach((f, row) => {
    if (f.family === 'private-key') {
      // Multi-line formats: the finding starts on the header line, the annotation sits above it.
      const good = validToken(f, rand);
      const miss = nearMisses(f, rand)[0];
      keys.push(`# ${f.id}`, '# vigil-expect: hardcoded-secret', ...good.split(/\r?\n/), '', `# ${f.id}: ${miss.why}`, '# vigil-ok: hardcoded-secret', ...miss.token.split(/\r?\n/), '');
      return;
    }
    lines.push(`# ${f.id}`, '# vigil-expect: hardcoded-secret', `${nameFor(f)}=${validToken(f, rand).replace(/\r?\n/g, '\\n')}`);
    const miss = pickMiss(nearMisses(f, rand), f, row);
    // Near misses sit under a neutral name: the generic layer would rightly flag a random value under GITHUB_TOKEN.
    lines.push(`# ${f.id}: ${miss.why}`, '# vigil-ok: hardcoded-secret', `BUILD_VALUE=${miss.token.replace(/\r?\n/g, '\\n')}`);
  });
  const out = path.join(root, 'test-fixtures/hardcoded-secret/formats.env');
  fs.writeFileSync(out, lines.join('\n') + '\n');
  fs.writeFileSync(path.join(root, 'test-fixtures/hardcoded-secret/formats-keys.txt'), keys.join('\n'));
  console.log(`wrote ${formats.length} formats to ${path.relative(root, out)}`);
}

if (process.argv.includes('--fixture')) fixture();
