// Turns the measurements into the printed tables and the PASS/MISS list for the targets of the performance
// issue. Ratios are always between rows of the same run on the same input.
import { fmt } from './lib.mjs';

function table(headers, rows) {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === undefined || c === null ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const mb = (b) => (b / 1048576).toFixed(1);

/** results: the JSON object run.mjs writes. Returns { text, targets }. */
export function report(results) {
  const out = [];
  const targets = [];
  const target = (name, goal, measured, pass, note = '') => targets.push({ name, goal, measured, status: pass === undefined ? 'n/a' : pass ? 'PASS' : 'MISS', note });
  const e = results.editor;
  if (e) {
    out.push('== Editor latency (ms), keystroke -> diagnostics for that version, debounce excluded ==');
    out.push(
      table(
        ['server', 'typing at', 'language', 'lines', 'open', 'p50', 'p95', 'max', 'n', 'findings', 'codeAction p50/p95'],
        e.typing.map((r) =>
          r.unavailable
            ? [r.tool, r.where ?? 'module', r.language, r.lines, '', '', '', '', '', '', `unavailable (${r.unavailable.slice(0, 60)})`]
            : [r.tool, r.where ?? 'module', r.language, r.lines, fmt(r.openMs, 0), fmt(r.p50), fmt(r.p95), fmt(r.max), r.n, r.findings, r.codeAction ? `${fmt(r.codeAction.p50)}/${fmt(r.codeAction.p95)}` : '-'],
        ),
      ),
    );
    out.push('');
    out.push('== Cold start: spawn -> first diagnostics of a 1,000-line file (ms) ==');
    out.push(table(['server', 'language', 'runs', 'min', 'p50', 'max'], e.cold.map((c) => (c.unavailable ? [c.tool, c.language, `unavailable (${c.unavailable})`] : [c.tool, c.language, c.repeats, fmt(c.min, 0), fmt(c.p50, 0), fmt(c.max, 0)]))));
    out.push('');
    out.push('== Server memory ==');
    out.push(table(['server', 'phase', 'RSS MB', 'peak (VmHWM) MB', 'note'], e.memory.map((m) => [m.tool, m.phase, fmt(m.rssMb, 0), fmt(m.hwmMb, 0), m.note ?? ''])));
    out.push('');

    // Targets are judged on module-level typing, the worse case (a change there can alter every function's
    // findings, so all of them are re-analysed); in-function typing is reported beside it.
    const vigilPush = e.typing.filter((r) => r.tool === 'vigil (push)' && (r.where ?? 'module') === 'module' && !r.unavailable);
    const inFunction = e.typing.filter((r) => r.tool === 'vigil (push)' && r.where === 'function' && !r.unavailable);
    for (const [lines, goal] of [[1000, 10], [10000, 30]]) {
      const rows = vigilPush.filter((r) => r.lines === lines);
      if (rows.length === 0) continue;
      const worst = Math.max(...rows.map((r) => r.p95));
      const fn = inFunction.filter((r) => r.lines === lines);
      const note = fn.length ? `typing in a function: p95 ${fn.map((r) => `${r.language} ${fmt(r.p95)}`).join(', ')} ms` : '';
      target(`p95 keystroke->diagnostics, ${lines.toLocaleString('en')} lines`, `<= ${goal} ms`, `${rows.map((r) => `${r.language} ${fmt(r.p95)}`).join(', ')} ms`, worst <= goal, note);
    }
    const eslintRows = e.typing.filter((r) => r.tool.startsWith('eslint') && !r.unavailable);
    if (eslintRows.length === 0) target('p95 vs ESLint LS + security (same JS file)', '>= 5x lower', 'ESLint LS unavailable', undefined);
    for (const er of eslintRows) {
      const v = e.typing.find((r) => r.tool === 'vigil (pull)' && r.lines === er.lines && !r.unavailable) ?? vigilPush.find((r) => r.language === 'javascript' && r.lines === er.lines);
      if (!v) continue;
      const ratio = er.p95 / v.p95;
      target(`p95 vs ESLint LS + security, JS ${er.lines.toLocaleString('en')} lines`, '>= 5x lower', `${fmt(ratio, 2)}x (${v.tool} ${fmt(v.p95)} vs ${fmt(er.p95)} ms)`, ratio >= 5);
    }
    const cold = e.cold.find((c) => c.tool === 'vigil' && !c.unavailable);
    if (cold) target('cold start to first diagnostics (1,000 lines)', '< 300 ms', `${fmt(cold.p50, 0)} ms (p50 of ${cold.repeats})`, cold.p50 < 300);
    const ws = e.memory.find((m) => m.phase === 'after workspace scan');
    if (ws) {
      // Judged on the long-lived server, which also edited the 50,000-line files first (the stricter case); the
      // server that only scanned is quoted beside it.
      const only = e.memory.find((m) => m.phase === 'after workspace scan only');
      const onlyNote = only ? `scan only, fresh server: ${only.complete ? `${fmt(only.rssMb, 0)} MB` : 'did not finish'}` : '';
      const notes = [ws.complete ? '' : 'scan did not finish in its time budget', onlyNote].filter(Boolean).join('; ');
      target(`server RSS after workspace scan (${ws.files} files)`, '< 200 MB', `${fmt(ws.rssMb, 0)} MB after editing and scanning (peak ${fmt(ws.hwmMb, 0)})${ws.note ? `, ${ws.note}` : ''}`, ws.complete ? ws.rssMb < 200 : false, notes);
    }
    for (const lang of [...new Set(vigilPush.map((r) => r.language))]) {
      const rows = vigilPush.filter((r) => r.language === lang).sort((a, b) => a.lines - b.lines);
      if (rows.length < 2) continue;
      const a = rows[0];
      const b = rows[rows.length - 1];
      const k = Math.log(b.p50 / a.p50) / Math.log(b.lines / a.lines);
      const fn = inFunction.filter((r) => r.language === lang).sort((x, y) => x.lines - y.lines);
      const kf = fn.length >= 2 ? Math.log(fn[fn.length - 1].p50 / fn[0].p50) / Math.log(fn[fn.length - 1].lines / fn[0].lines) : undefined;
      const note = kf === undefined ? '' : `typing in a function: p50 ${fmt(fn[0].p50)} -> ${fmt(fn[fn.length - 1].p50)} ms, exponent ${fmt(kf, 2)}`;
      target(`edit cost vs file size, ${lang}`, 'sub-linear (exponent < 1)', `p50 ${fmt(a.p50)} -> ${fmt(b.p50)} ms for ${a.lines}->${b.lines} lines, exponent ${fmt(k, 2)}`, k < 1, note);
    }
  }
  const s = results.scan;
  if (s) {
    out.push('== Scan throughput (page cache warm) ==');
    out.push(
      table(
        ['tool', 'input', 'MB', 'files', 'wall s', 'MB/s', 'files/s', 'peak RSS MB', 'findings'],
        s.rows.map((r) =>
          r.unavailable
            ? [r.tool, r.input, r.bytes !== undefined ? mb(r.bytes) : '', r.files ?? '', '', '', '', '', `unavailable (${r.unavailable.slice(0, 60)})`]
            : [r.tool, r.input, mb(r.bytes), r.files, fmt(r.wallMs / 1000, 2), fmt(r.mbPerS, 2), fmt(r.filesPerS, 0), fmt(r.rssMb, 0), r.findings ?? ''],
        ),
      ),
    );
    out.push('');
    const v2 = s.rows.filter((r) => r.tool === 'vigil --jobs 2' && !r.unavailable && /^p\d+$/.test(r.input));
    const biggest = v2.sort((a, b) => a.bytes - b.bytes)[v2.length - 1];
    if (biggest) target(`scan throughput, --jobs 2 (${biggest.input}, ${mb(biggest.bytes)} MB)`, '>= 30 MB/s', `${fmt(biggest.mbPerS, 2)} MB/s`, biggest.mbPerS >= 30);
    for (const p of s.pairs) {
      if (p.peer.unavailable && p.peer.lowerBoundMs && !p.vigil.unavailable) {
        const ratio = p.peer.lowerBoundMs / p.vigil.wallMs;
        target(`vs ${p.peer.tool} (${p.what})`, '>= 10x faster', `>= ${fmt(ratio, 2)}x (peer timed out)`, ratio >= 10 ? true : undefined);
        continue;
      }
      if (p.peer.unavailable || p.vigil.unavailable) {
        target(`vs ${p.peer.tool} (${p.what})`, p.what.startsWith('JavaScript') ? 'reported' : '>= 10x faster', `unavailable (${p.peer.unavailable ?? p.vigil.unavailable})`, undefined);
        continue;
      }
      const ratio = p.peer.wallMs / p.vigil.wallMs;
      const isTarget = !p.what.startsWith('JavaScript');
      target(`vs ${p.peer.tool} (${p.what}, ${p.vigil.input})`, isTarget ? '>= 10x faster' : 'reported (no target)', `${fmt(ratio, 2)}x (${fmt(p.vigil.wallMs / 1000, 2)} s vs ${fmt(p.peer.wallMs / 1000, 2)} s)`, isTarget ? ratio >= 10 : undefined);
    }
    const rg = s.rows.find((r) => r.tool === 'rg -P secrets -j2' && !r.unavailable);
    const vSame = rg && s.rows.find((r) => r.tool === 'vigil --jobs 2' && r.input === rg.input && !r.unavailable);
    if (rg && vSame) {
      const ratio = vSame.wallMs / rg.wallMs;
      target(`within 5x of ripgrep with Vigil's secret regexes (${rg.input})`, '<= 5x slower', `${fmt(ratio, 1)}x slower (${fmt(vSame.wallMs / 1000, 2)} s vs ${fmt(rg.wallMs / 1000, 2)} s)`, ratio <= 5);
    } else target("within 5x of ripgrep with Vigil's secret regexes", '<= 5x slower', 'unavailable', undefined);
    if (biggest) target(`CLI peak RSS on the whole corpus (${biggest.input})`, '< 300 MB', `${fmt(biggest.rssMb, 0)} MB (--jobs 2)`, biggest.rssMb < 300);
    const bySize = [...v2].sort((a, b) => a.bytes - b.bytes);
    if (bySize.length >= 2) {
      const a = bySize[0];
      const b = bySize[bySize.length - 1];
      target('scan cost linear in corpus size', 'MB/s at largest >= 0.8x MB/s at smallest', `${bySize.map((r) => `${r.input} ${fmt(r.wallMs / 1000, 1)} s (${fmt(r.mbPerS, 2)} MB/s)`).join(', ')}`, b.mbPerS >= 0.8 * a.mbPerS);
    }
  }
  out.push('== Targets (issue 7) ==');
  out.push(table(['target', 'goal', 'measured', 'status'], targets.map((t) => [t.name, t.goal, t.measured, t.status + (t.note ? ` (${t.note})` : '')])));
  const env = results.environment;
  out.push('');
  out.push(`machine: ${env.cpus} cores, node ${env.node}; load average at start ${env.loadStart.map((x) => x.toFixed(1)).join(' ')}, at end ${env.loadEnd?.map((x) => x.toFixed(1)).join(' ')}; total ${fmt(results.totalSeconds, 0)} s`);
  if (env.notes.length) out.push(...env.notes.map((n) => `note: ${n}`));
  return { text: out.join('\n'), targets };
}
