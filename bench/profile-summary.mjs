// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per source file, the
// quickest way to see where a run goes without opening DevTools. Usage: node bench/profile-summary.mjs FILE [N]
import * as fs from 'fs';

export function summarizeProfile(file, top = 25) {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = prof.timeDeltas;
  for (let i = 0; i < prof.samples.length; i++) {
    const id = prof.samples[i];
    self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0));
  }
  const fn = new Map();
  const files = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const n = byId.get(id);
    const cf = n.callFrame;
    const where = cf.url ? `${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber + 1}` : '(native)';
    const key = `${cf.functionName || '(anonymous)'} ${where}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const f = cf.url ? cf.url.split('/').slice(-2).join('/') : `(${cf.functionName || 'native'})`;
    files.set(f, (files.get(f) ?? 0) + us);
    total += us;
  }
  // Inclusive time: each sample counts once for every distinct function on its stack (recursion-safe).
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? `${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}` : '(native)'}`;
  const incl = new Map();
  for (let i = 0; i < prof.samples.length; i++) {
    const seen = new Set();
    for (let id = prof.samples[i]; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id);
      if (!n.callFrame.url.includes('/out/')) continue;
      const k = keyOf(n);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + (dt[i] ?? 0));
    }
  }
  const rows = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => ({ ms: Math.round(us / 1000), pct: +((100 * us) / total).toFixed(1), what: k }));
  return { totalMs: Math.round(total / 1000), functions: rows(fn), files: rows(files), inclusive: rows(incl) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = summarizeProfile(process.argv[2], Number(process.argv[3] ?? 25));
  console.log(`total sampled: ${s.totalMs} ms\n-- self time by function --`);
  for (const r of s.functions) console.log(`${String(r.ms).padStart(7)} ms ${String(r.pct).padStart(5)}%  ${r.what}`);
  console.log('-- inclusive time, bundled code only --');
  for (const r of s.inclusive) console.log(`${String(r.ms).padStart(7)} ms ${String(r.pct).padStart(5)}%  ${r.what}`);
  console.log('-- self time by file --');
  for (const r of s.files.slice(0, 10)) console.log(`${String(r.ms).padStart(7)} ms ${String(r.pct).padStart(5)}%  ${r.what}`);
}
