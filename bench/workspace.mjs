// A many-file workspace for the server-memory target (RSS after a workspace scan of 100,000 files): small
// generated files in three languages, 1,000 per folder, one in ten with a finding. Written once, reused.
import * as fs from 'fs';
import * as path from 'path';
import { WORK, log } from './lib.mjs';

const SMALL = {
  py: (i) => `import hashlib\n\n\ndef handler_${i}(event, store):\n    key = event.get("id", "${i}")\n    item = store.get(key)\n    if item is None:\n        return {"status": 404}\n    return {"status": 200, "body": item}\n${i % 10 === 5 ? `\n\ndef sign_${i}(data):\n    return hashlib.md5(data).hexdigest()\n` : ''}`,
  js: (i) => `'use strict';\n\nmodule.exports = function handler${i}(req, res, store) {\n  const item = store.get(req.params.id || '${i}');\n  if (!item) {\n    res.status(404).end();\n    return;\n  }\n  res.json(item);\n};\n${i % 10 === 5 ? `\nmodule.exports.run = (req) => require('child_process').execSync('ls ' + req.query.dir);\n` : ''}`,
  java: (i) => `package com.example.h${Math.floor(i / 1000)};\n\nimport java.util.Map;\n\npublic class Handler${i} {\n    public String handle(Map<String, String> params) {\n        String id = params.getOrDefault("id", "${i}");\n        return "item-" + id.trim();\n    }\n${i % 10 === 5 ? `\n    static byte[] sign(byte[] d) throws Exception {\n        return java.security.MessageDigest.getInstance("MD5").digest(d);\n    }\n` : ''}}\n`,
};

export function ensureWorkspace(files) {
  const root = path.join(WORK, `ws-${files}`);
  const marker = path.join(root, '.complete');
  if (fs.existsSync(marker)) return root;
  log(`workspace: writing ${files} files to ${path.relative(process.cwd(), root)}`);
  fs.rmSync(root, { recursive: true, force: true });
  const exts = Object.keys(SMALL);
  for (let i = 0; i < files; i++) {
    const dir = path.join(root, `pkg${String(Math.floor(i / 1000)).padStart(3, '0')}`);
    if (i % 1000 === 0) fs.mkdirSync(dir, { recursive: true });
    const ext = exts[i % exts.length];
    const name = ext === 'java' ? `Handler${i}.java` : `handler_${i}.${ext}`;
    fs.writeFileSync(path.join(dir, name), SMALL[ext](i));
  }
  fs.writeFileSync(marker, String(files));
  return root;
}
