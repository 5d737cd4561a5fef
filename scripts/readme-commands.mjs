#!/usr/bin/env node
// Prints command N (1 or 2) of the README's "Two commands on a fresh machine" block, as written there, so that
// .ci/run runs exactly what a new user is told to run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const block = /## Two commands on a fresh machine\s+```bash\n([\s\S]*?)```/.exec(readme)?.[1];
const n = Number(process.argv[2]);
const line = block?.split('\n').filter((l) => l.trim())[n - 1];
if (!line) {
  console.error(`README.md: no command ${process.argv[2]} in the "Two commands on a fresh machine" block`);
  process.exit(2);
}
console.log(line);
