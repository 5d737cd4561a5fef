// The semantic layer's cost (issue 14: the model is built in one pass, so time grows linearly with the file).
// Per language, one generated file and one 8 times larger are analysed with the built engine; the row prints the
// time of each and their ratio (8 is linear). A last row is the issue's case: a Python module of top-level code
// with one SQL finding per 1,000 lines, at 25,000 and 200,000 lines.
// Standalone: `node bench/semantic.mjs [--lines N]`; `npm run bench` runs it as its `semantic` part.
import { createRequire } from 'module';
import path from 'path';
import { fileURLToPath } from 'url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** One block of ordinary code per language: imports resolved, constants folded, values followed. ~10 lines each. */
const BLOCKS = {
  java: (i) => `    String alg${i} = props.getProperty("k${i}", "SHA-256");\n    byte[] d${i} = MessageDigest.getInstance(alg${i}).digest(data);\n    String t${i} = Integer.toString(counter + ${i});\n    if (DEBUG) { log("x${i}"); }\n    StringBuilder sb${i} = new StringBuilder();\n    sb${i}.append(t${i}).append(":").append(${i});\n    total += d${i}.length + sb${i}.length();\n`,
  python: (i) => `    alg${i} = os.getenv("K${i}", "sha256")\n    d${i} = h.new(alg${i}, data).hexdigest()\n    t${i} = str(counter + ${i})\n    if DEBUG:\n        log("x${i}")\n    parts${i} = [t${i}, ":", str(${i})]\n    total += len(d${i}) + len(parts${i})\n`,
  csharp: (i) => `        var alg${i} = config.GetValue("k${i}", "SHA256");\n        var d${i} = HashAlgorithm.Create(alg${i});\n        var t${i} = (counter + ${i}).ToString();\n        if (Debug) { Log("x${i}"); }\n        var sb${i} = new StringBuilder();\n        sb${i}.Append(t${i}).Append(":");\n        total += sb${i}.Length;\n`,
  go: (i) => `\talg${i} := os.Getenv("K${i}")\n\td${i} := sha256.Sum256(data)\n\tt${i} := strconv.Itoa(counter + ${i})\n\tif debug {\n\t\tlog("x${i}")\n\t}\n\ttotal += len(d${i}) + len(t${i}) + len(alg${i})\n`,
  javascript: (i) => `  const alg${i} = process.env.K${i} || 'sha256';\n  const d${i} = createHash(alg${i}).update(data).digest('hex');\n  const t${i} = String(counter + ${i});\n  if (DEBUG) { log('x${i}'); }\n  const parts${i} = [t${i}, ':', ${i}];\n  total += d${i}.length + parts${i}.length;\n`,
};

const WRAP = {
  java: (body, n) => `import java.security.MessageDigest;\nimport java.util.Properties;\n\npublic class Gen {\n  static final boolean DEBUG = false;\n  Properties props;\n${Array.from({ length: n }, (_, f) => `  int m${f}(byte[] data, int counter) throws Exception {\n    int total = 0;\n${body(f)}    return total;\n  }\n`).join('')}}\n`,
  python: (body, n) => `import hashlib as h\nimport os\n\nDEBUG = False\n\n${Array.from({ length: n }, (_, f) => `def m${f}(data, counter):\n    total = 0\n${body(f)}    return total\n\n`).join('')}`,
  csharp: (body, n) => `using System.Security.Cryptography;\nusing System.Text;\n\npublic class Gen\n{\n    const bool Debug = false;\n${Array.from({ length: n }, (_, f) => `    int M${f}(byte[] data, int counter)\n    {\n        int total = 0;\n${body(f)}        return total;\n    }\n`).join('')}}\n`,
  go: (body, n) => `package gen\n\nimport (\n\t"crypto/sha256"\n\t"os"\n\t"strconv"\n)\n\nconst debug = false\n\n${Array.from({ length: n }, (_, f) => `func m${f}(data []byte, counter int) int {\n\ttotal := 0\n${body(f)}\treturn total\n}\n\n`).join('')}`,
  javascript: (body, n) => `const { createHash } = require('crypto');\nconst DEBUG = false;\n\n${Array.from({ length: n }, (_, f) => `function m${f}(data, counter) {\n  let total = 0;\n${body(f)}  return total;\n}\n\n`).join('')}`,
};

/** A file of about `lines` lines: functions of five blocks each. */
export function generate(language, lines) {
  const block = BLOCKS[language];
  const perBlock = block(0).split('\n').length - 1;
  const perFunction = 5 * perBlock + 4;
  const functions = Math.max(1, Math.round(lines / perFunction));
  return WRAP[language]((f) => Array.from({ length: 5 }, (_, b) => block(f * 5 + b)).join(''), functions);
}

/** The issue's case: top-level Python, one SQL query built from input per 1,000 lines. */
export function pythonModuleSql(lines) {
  const out = ['import sqlite3', 'conn = sqlite3.connect("x.db")', 'cur = conn.cursor()'];
  for (let i = 0; out.length < lines; i++) {
    if (i % 333 === 0) out.push(`name${i} = input()`, `cur.execute("SELECT * FROM t WHERE name = '" + name${i} + "'")`);
    else out.push(`v${i} = ${i} * 2`);
  }
  return `${out.join('\n')}\n`;
}

async function timeOf(engine, languageId, text, repeats) {
  await engine.analyze({ path: `gen.${languageId}`, languageId, text }, { maxFileSize: 1e9 });
  let best = Infinity;
  let findings = 0;
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    const res = await engine.analyze({ path: `gen.${languageId}`, languageId, text }, { maxFileSize: 1e9 });
    best = Math.min(best, performance.now() - t);
    findings = res.findings.length;
  }
  return { ms: best, findings };
}

/** Rows: language, lines of the small and large file, ms of each, ratio. */
export async function semanticBench({ lines = 5000, repeats = 3, repo = path.join(here, '..') } = {}) {
  const { Engine } = require(path.join(repo, 'server', 'lib', 'engine', 'index.js'));
  const engine = Engine.create();
  const rows = [];
  const languages = ['java', 'python', 'csharp', 'go', 'javascript'];
  for (const language of languages) {
    const small = generate(language, lines);
    const large = generate(language, lines * 8);
    const a = await timeOf(engine, language, small, repeats);
    const b = await timeOf(engine, language, large, Math.max(1, repeats - 1));
    rows.push({ case: language, lines: [small.split('\n').length, large.split('\n').length], ms: [a.ms, b.ms], ratio: b.ms / a.ms, findings: [a.findings, b.findings] });
  }
  const s = pythonModuleSql(25_000);
  const l = pythonModuleSql(200_000);
  const a = await timeOf(engine, 'python', s, 1);
  const b = await timeOf(engine, 'python', l, 1);
  rows.push({ case: 'python module, SQL every 1k lines', lines: [25_000, 200_000], ms: [a.ms, b.ms], ratio: b.ms / a.ms, findings: [a.findings, b.findings] });
  return rows;
}

export function semanticReport(rows) {
  const out = ['== Semantic layer: analysis time of a file and one 8x larger (8.0 is linear) ==', 'case                                  lines (1x / 8x)       ms (1x / 8x)        ratio  findings'];
  for (const r of rows) {
    out.push(`${r.case.padEnd(38)}${`${r.lines[0]} / ${r.lines[1]}`.padEnd(22)}${`${r.ms[0].toFixed(0)} / ${r.ms[1].toFixed(0)}`.padEnd(20)}${r.ratio.toFixed(1).padStart(5)}  ${r.findings[0]} / ${r.findings[1]}`);
  }
  return out.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--lines');
  const lines = i > 0 ? Number(process.argv[i + 1]) : 5000;
  semanticBench({ lines }).then((rows) => process.stdout.write(`${semanticReport(rows)}\n`));
}
