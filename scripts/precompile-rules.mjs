#!/usr/bin/env node
// Build step: validates the built-in rules once and writes server/out/rules.json (rules keyed by the hash of
// their file's text), so the bundled server and CLI start without parsing YAML or running the schema validator.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { loadRules, ruleFileHash, formatLoadError } = require(path.join(root, 'server/lib/engine/rules/load.js'));
const dir = path.join(root, 'rules');
const { rules, errors } = loadRules([dir]);
if (errors.length > 0) {
  for (const e of errors) console.error(`rule error: ${formatLoadError(e)}`);
  process.exit(1);
}
const out = rules.map(({ file, ...rule }) => ({ hash: ruleFileHash(fs.readFileSync(file, 'utf8')), rule }));
fs.mkdirSync(path.join(root, 'server/out'), { recursive: true });
fs.writeFileSync(path.join(root, 'server/out/rules.json'), JSON.stringify({ rules: out }));
