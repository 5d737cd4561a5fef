// Placeholder: prints the findings of the files named on the command line.
import * as fs from 'fs';
import { Engine, languageIdForPath } from '../engine';

async function main(): Promise<void> {
  const engine = Engine.create();
  for (const file of process.argv.slice(2)) {
    const r = await engine.analyze({ path: file, languageId: languageIdForPath(file), text: fs.readFileSync(file, 'utf8') });
    for (const f of r.findings) console.log(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.ruleId} ${f.message}`);
  }
}
void main();
